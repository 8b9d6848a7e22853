using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.Cluster.Tests.Infrastructure;

/// <summary>
/// The docker-compose topology as processes on loopback: Azurite, two silos, two edges in cluster
/// mode, and an echo backend. Each fixture gets its own Azurite, so its cluster starts empty.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    private readonly bool _signedAdmin;

    /// <summary>Admin endpoints require Signature V4 with the AWS CLI helper's keys, as in docker-compose.yml.</summary>
    public ClusterFixture()
        : this(signedAdmin: true)
    {
    }

    protected ClusterFixture(bool signedAdmin) => _signedAdmin = signedAdmin;

    public AzuriteHost Storage { get; private set; } = null!;

    public SiloHost SiloA { get; private set; } = null!;

    public SiloHost SiloB { get; private set; } = null!;

    /// <summary>Silos a test started besides A and B; stopped with the fixture.</summary>
    public List<SiloHost> ExtraSilos { get; } = [];

    public EdgeHost EdgeA { get; private set; } = null!;

    public EdgeHost EdgeB { get; private set; } = null!;

    public EchoBackend Backend { get; private set; } = null!;

    public string ClusterId { get; } = "og-test-" + Guid.NewGuid().ToString("N")[..8];

    public IReadOnlyDictionary<string, string> EdgeEnvironment
    {
        get
        {
            var environment = new Dictionary<string, string>
            {
                ["Gateway__Mode"] = "Cluster",
                ["Gateway__Storage__ConnectionString"] = Storage.ConnectionString,
                ["Gateway__Silo__ClusterId"] = ClusterId,
            };
            if (_signedAdmin)
            {
                environment["Gateway__Admin__AccessKeyId"] = AwsCli.AccessKeyId;
                environment["Gateway__Admin__SecretAccessKey"] = AwsCli.SecretAccessKey;
            }

            return environment;
        }
    }

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

    /// <summary>Starts one more silo in this cluster.</summary>
    public async Task<SiloHost> AddSiloAsync()
    {
        var silo = await SiloHost.StartAsync(Storage.ConnectionString, ClusterId);
        ExtraSilos.Add(silo);
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        IAsyncDisposable?[] hosts = [EdgeA, EdgeB, SiloA, SiloB, .. ExtraSilos, Storage, Backend];
        foreach (var host in hosts)
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }
}
