using System.Diagnostics;
using System.Text.Json;
using OrleansGateway.Cluster.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.Caching;
using OrleansGateway.EndToEnd.Tests.RestApis;

namespace OrleansGateway.Cluster.Tests;

/// <summary>
/// The REST response cache across 2 silos and 2 edges: an answer stored through edge A is a hit on
/// edge B (its cache entry grain is shared) without a backend call, and a flush reaches both edges
/// within a second.
/// </summary>
public sealed class RestResponseCacheClusterTests(UnsignedClusterFixture cluster) : IClassFixture<UnsignedClusterFixture>, IDisposable
{
    private static readonly TimeSpan PushBudget = TimeSpan.FromSeconds(1);

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task EntryFilledThroughEdgeA_IsAHitOnEdgeB_AndAFlushReachesBothEdges()
    {
        await using var backend = await CountingBackend.StartAsync();
        using var admin = new RestAdmin(cluster.EdgeA.AdminUrl);
        var (apiId, rootId) = await admin.CreateApiAsync(new { name = "rest-cache-cluster" });
        var items = await admin.CreateResourceAsync(apiId, rootId, "items");
        const string backendPath = "/count/cluster";
        await admin.MethodAsync(apiId, items, "GET", new { type = "HTTP", httpMethod = "GET", uri = backend.Url + backendPath }, new { });
        await admin.DeployAsync(apiId, "prod");
        await admin.SendAsync(HttpMethod.Patch, $"/restapis/{apiId}/stages/prod",
            new { patchOperations = new[] { new { op = "replace", path = "/cacheClusterEnabled", value = "true" } } });
        await Task.Delay(PushBudget);

        var filled = await NAsync(cluster.EdgeA.DataUrl, apiId);
        Assert.Equal(filled, await NAsync(cluster.EdgeB.DataUrl, apiId));
        Assert.Equal(filled, await NAsync(cluster.EdgeA.DataUrl, apiId));
        Assert.Equal(filled, backend.Calls(backendPath));

        await admin.SendAsync(HttpMethod.Delete, $"/restapis/{apiId}/stages/prod/cache/data", new { });
        var clock = Stopwatch.StartNew();
        var afterA = await FirstChangeAsync(cluster.EdgeA.DataUrl, apiId, filled);
        var afterB = await FirstChangeAsync(cluster.EdgeB.DataUrl, apiId, filled);
        Assert.True(clock.Elapsed < PushBudget + TimeSpan.FromMilliseconds(500), $"flush seen after {clock.Elapsed}");
        Assert.NotEqual(filled, afterA);

        // Whichever edge missed first stored the fresh answer; the other one is served from it.
        Assert.Equal(afterA, afterB);
        Assert.Equal(afterA, backend.Calls(backendPath));
    }

    private async Task<int> FirstChangeAsync(string dataUrl, string apiId, int old)
    {
        var deadline = DateTime.UtcNow + PushBudget;
        int n;
        do
        {
            n = await NAsync(dataUrl, apiId);
        }
        while (n == old && DateTime.UtcNow < deadline);
        return n;
    }

    private async Task<int> NAsync(string dataUrl, string apiId)
    {
        var body = await _http.GetStringAsync($"{dataUrl}/_aws/execute-api/{apiId}/prod/items");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("n").GetInt32();
    }
}
