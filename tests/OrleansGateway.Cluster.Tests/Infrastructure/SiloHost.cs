using System.Net.Http.Json;
using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.Cluster.Tests.Infrastructure;

/// <summary>A real cluster silo process on free loopback ports; <c>HealthUrl</c> serves /healthz and /cluster.</summary>
public sealed class SiloHost : IAsyncDisposable
{
    private SiloHost(HostProcess process, string healthUrl, int siloPort, int gatewayPort)
    {
        Process = process;
        HealthUrl = healthUrl;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public HostProcess Process { get; }

    public string HealthUrl { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public static Dictionary<string, string> Environment(string connectionString, string clusterId, string healthUrl, int siloPort, int gatewayPort) => new()
    {
        ["Gateway__Storage__ConnectionString"] = connectionString,
        ["Gateway__Silo__ClusterId"] = clusterId,
        ["Gateway__Silo__SiloPort"] = siloPort.ToString(),
        ["Gateway__Silo__GatewayPort"] = gatewayPort.ToString(),
        ["Kestrel__Endpoints__Health__Url"] = healthUrl,
    };

    /// <summary>Starts a silo; <paramref name="environment"/> adds settings (TLS, for one).</summary>
    public static async Task<SiloHost> StartAsync(string connectionString, string clusterId, IReadOnlyDictionary<string, string>? environment = null)
    {
        var healthUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        var settings = Environment(connectionString, clusterId, healthUrl, siloPort, gatewayPort);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var process = HostProcess.Start(RepositoryLayout.SiloAssembly, settings);
        var host = new SiloHost(process, healthUrl, siloPort, gatewayPort);
        try
        {
            await process.WaitHealthyAsync(healthUrl, TimeSpan.FromSeconds(60));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>The cluster members this silo sees, as silo port → status.</summary>
    public async Task<Dictionary<int, string>> MembershipAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var cluster = await http.GetFromJsonAsync<JsonElement>(HealthUrl + "/cluster");

        // A restarted port appears once per generation; the newest generation's status is the one that counts.
        return cluster.GetProperty("silos").EnumerateArray()
            .Select(s => (Address: s.GetProperty("address").GetString()!, Status: s.GetProperty("status").GetString()!))
            .Select(s => (Port: int.Parse(s.Address.Split('@')[0].Split(':')[^1]), Generation: long.Parse(s.Address.Split('@')[1]), s.Status))
            .GroupBy(s => s.Port)
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.Generation).Status);
    }

    /// <summary>Waits until this silo sees each of <paramref name="siloPorts"/> as an active member.</summary>
    public async Task WaitForActiveMembersAsync(TimeSpan timeout, params int[] siloPorts)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var members = await MembershipAsync();
            if (siloPorts.All(p => members.GetValueOrDefault(p) == "Active"))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"silos {string.Join(", ", siloPorts)} not all active after {timeout}");
            await Task.Delay(100);
        }
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
