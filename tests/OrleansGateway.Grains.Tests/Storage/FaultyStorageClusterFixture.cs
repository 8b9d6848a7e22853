using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansGateway.Hosting;
using OrleansGateway.Storage;

namespace OrleansGateway.Grains.Tests.Storage;

/// <summary>One silo whose gateway storage is the real file storage behind a switch that makes writes fail.</summary>
public sealed class FaultyStorageClusterFixture : IAsyncLifetime
{
    private readonly string _storagePath = Path.Combine(Path.GetTempPath(), "og-faulty-" + Guid.NewGuid().ToString("N"));

    public StorageFaults Faults { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGatewayFileStorage(_storagePath);

            // Registered last, so it is the provider grains get.
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Gateway, (services, _) => new FaultInjectingGrainStorage(
                new FileGrainStorage(
                    new FileGrainStorageOptions { RootDirectory = _storagePath },
                    new OrleansGrainStorageSerializer(services.GetRequiredService<Orleans.Serialization.Serializer>())),
                Faults));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Faults.FailWrites = false;
        await Cluster.DisposeAsync();
        if (Directory.Exists(_storagePath))
        {
            Directory.Delete(_storagePath, recursive: true);
        }
    }
}
