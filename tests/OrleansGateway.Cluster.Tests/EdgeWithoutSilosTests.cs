using System.Diagnostics;
using System.Net;
using OrleansGateway.Cluster.Tests.Infrastructure;

namespace OrleansGateway.Cluster.Tests;

/// <summary>
/// The hot path makes no grain call: with every silo killed, an edge still answers requests naming
/// made-up API IDs from its API directory (a grain call could only fail) and still serves the APIs
/// whose tables it holds, however long the silos stay away.
/// </summary>
public sealed class EdgeWithoutSilosTests(UnsignedClusterFixture cluster) : IClassFixture<UnsignedClusterFixture>, IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task WithEverySiloKilled_UnknownApiIdsAre404AndKnownApisAreServed()
    {
        using var created = await _http.PostAsync($"{cluster.EdgeA.AdminUrl}/v2/apis", new StringContent(
            $$"""{"name":"no-silos","protocolType":"HTTP","target":"{{cluster.Backend.Url}}"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var apiId = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("apiId").GetString()!;
        await DataPlaneProbe.EchoWithinAsync(cluster.EdgeB.DataUrl, apiId, "/warm", TimeSpan.FromSeconds(5));

        cluster.SiloA.Process.Kill();
        cluster.SiloB.Process.Kill();

        var started = Stopwatch.StartNew();
        for (var i = 0; i < 500; i++)
        {
            var unknown = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..10];
            using var response = await _http.GetAsync($"{cluster.EdgeB.DataUrl}/_aws/execute-api/{unknown}/x");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("""{"message":"Not Found"}""", await response.Content.ReadAsStringAsync());
        }

        // A grain call with no silo fails after the 5 s response timeout at best; 500 of them would take minutes.
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"500 unknown IDs took {started.Elapsed}");

        var served = await DataPlaneProbe.EchoWithinAsync(cluster.EdgeB.DataUrl, apiId, "/still", TimeSpan.FromSeconds(5));
        Assert.Equal("/still", served.GetProperty("path").GetString());

        // Background revalidation now fails (timeouts, cancellations, no gateway) on every tick; the edge must
        // neither stop nor drop the tables it serves from.
        await Task.Delay(TimeSpan.FromSeconds(12));
        Assert.False(cluster.EdgeB.Process.HasExited, cluster.EdgeB.Process.Output);
        var later = await DataPlaneProbe.EchoWithinAsync(cluster.EdgeB.DataUrl, apiId, "/later", TimeSpan.FromSeconds(5));
        Assert.Equal("/later", later.GetProperty("path").GetString());
    }
}
