using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansGateway.Hosting;
using OrleansGateway.Storage;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Grains.Tests.WebSockets;

/// <summary>One silo with the real file storage behind <see cref="CountingGrainStorage"/> (writes take 20 ms), and groups capped at <see cref="MaxMembers"/>.</summary>
public sealed class WebSocketGrainsFixture : IAsyncLifetime
{
    public const int MaxMembers = 300;

    private readonly string _storagePath = Path.Combine(Path.GetTempPath(), "og-ws-grains-" + Guid.NewGuid().ToString("N"));

    public CountingGrainStorage Storage { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGatewayFileStorage(_storagePath);
            silo.Services.AddWebSocketRoutes();
            silo.Services.Configure<GroupOptions>(o => o.MaxMembers = MaxMembers);

            // Registered last, so it is the provider grains get.
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Gateway, (services, _) => Storage = new CountingGrainStorage(
                new FileGrainStorage(
                    new FileGrainStorageOptions { RootDirectory = _storagePath },
                    new OrleansGrainStorageSerializer(services.GetRequiredService<Orleans.Serialization.Serializer>())))
            {
                WriteDelay = TimeSpan.FromMilliseconds(20),
            });
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
