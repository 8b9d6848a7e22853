using Orleans.TestingHost;
using OrleansGateway.Hosting;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Grains.Tests;

/// <summary>An in-process cluster of one silo with the gateway's real file grain storage in a temporary folder.</summary>
public sealed class GatewayClusterFixture : IAsyncLifetime
{
    private readonly string _storagePath = Path.Combine(Path.GetTempPath(), "og-grains-" + Guid.NewGuid().ToString("N"));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGatewayFileStorage(_storagePath);
            silo.Services.AddWebSocketRoutes();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        if (Directory.Exists(_storagePath))
        {
            Directory.Delete(_storagePath, recursive: true);
        }
    }
}
