using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.Cluster.Tests.Infrastructure;

/// <summary>
/// The docker-compose topology as processes on loopback: Azurite, two silos, two edges in cluster
/// mode, and an echo backend. Each fixture gets its own Azurite, so its cluster starts empty.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public AzuriteHost Storage { get; private set; } = null!;

    public SiloHost SiloA { get; private set; } = null!;

    public SiloHost SiloB { get; private set; } = null!;

    public EdgeHost EdgeA { get; private set; } = null!;

    public EdgeHost EdgeB { get; private set; } = null!;

    public EchoBackend Backend { get; private set; } = null!;

    public string ClusterId { get; } = "og-test-" + Guid.NewGuid().ToString("N")[..8];

    public IReadOnlyDictionary<string, string> EdgeEnvironment => new Dictionary<string, string>
    {
        ["Gateway__Mode"] = "Cluster",
        ["Gateway__Storage__ConnectionString"] = Storage.ConnectionString,
        ["Gateway__Silo__ClusterId"] = ClusterId,
    };

    public async ValueTask InitializeAsync()
    {
        Backend = await EchoBackend.StartAsync();
        Storage = await AzuriteHost.StartAsync();

        // The first silo creates the membership table; the second then joins it.
        SiloA = await SiloHost.StartAsync(Storage.ConnectionString, ClusterId);
        SiloB = await SiloHost.StartAsync(Storage.ConnectionString, ClusterId);
        var edges = await Task.WhenAll(EdgeHost.StartAsync(environment: EdgeEnvironment), EdgeHost.StartAsync(environment: EdgeEnvironment));
        (EdgeA, EdgeB) = (edges[0], edges[1]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new IAsyncDisposable?[] { EdgeA, EdgeB, SiloA, SiloB, Storage, Backend })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }
}
