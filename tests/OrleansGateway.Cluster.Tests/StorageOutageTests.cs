using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansGateway.Cluster.Tests.Infrastructure;

namespace OrleansGateway.Cluster.Tests;

/// <summary>
/// Azure Storage (Azurite) stops under a running cluster and comes back: control-plane writes fail
/// fast with a JSON 5xx instead of hanging, deployed APIs go on being served from the edges' tables,
/// and once storage is back writes succeed and nothing acknowledged is lost.
/// </summary>
public sealed class StorageOutageTests(UnsignedClusterFixture cluster) : IClassFixture<UnsignedClusterFixture>, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task StorageStoppedAndRestarted_WritesFailFastThenRecover_NothingAcknowledgedLost()
    {
        var apiId = await CreateApiAsync("before-outage") ?? throw new InvalidOperationException("create-api failed with storage up");
        await DataPlaneProbe.EchoWithinAsync(cluster.EdgeB.DataUrl, apiId, "/up", TimeSpan.FromSeconds(5));

        await cluster.Storage.StopAsync();
        try
        {
            // A write needs storage: it fails, as JSON, within the edge's grain-call timeout and a little more.
            var started = Stopwatch.StartNew();
            using var refused = await _http.PostAsJsonAsync($"{cluster.EdgeA.AdminUrl}/v2/apis", new { name = "during-outage", protocolType = "HTTP" });
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"a write with storage down took {started.Elapsed}");
            Assert.True((int)refused.StatusCode >= 500, $"{refused.StatusCode}");
            var error = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(error.TryGetProperty("message", out _), error.ToString());
            Assert.DoesNotContain("   at ", error.ToString());

            // Serving a deployed API needs no storage.
            var served = await DataPlaneProbe.EchoWithinAsync(cluster.EdgeB.DataUrl, apiId, "/during", TimeSpan.FromSeconds(5));
            Assert.Equal("/during", served.GetProperty("path").GetString());
        }
        finally
        {
            await cluster.Storage.RestartAsync();
        }

        // Back: writes succeed again (within the Azure SDK's retries), and what was acknowledged is there.
        string? after = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (after is null && DateTime.UtcNow < deadline)
        {
            after = await CreateApiAsync("after-outage");
            if (after is null)
            {
                await Task.Delay(500);
            }
        }

        Assert.NotNull(after);
        using var list = await _http.GetAsync($"{cluster.EdgeB.AdminUrl}/v2/apis");
        var names = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Select(a => (Id: a.GetProperty("apiId").GetString(), Name: a.GetProperty("name").GetString())).ToList();
        Assert.Contains((apiId, "before-outage"), names);
        Assert.Contains((after, "after-outage"), names);
        await DataPlaneProbe.EchoWithinAsync(cluster.EdgeA.DataUrl, after!, "/again", TimeSpan.FromSeconds(5));
    }

    /// <summary>Quick-creates an API proxying to the backend; null when the gateway refused.</summary>
    private async Task<string?> CreateApiAsync(string name)
    {
        using var response = await _http.PostAsJsonAsync($"{cluster.EdgeA.AdminUrl}/v2/apis", new { name, protocolType = "HTTP", target = cluster.Backend.Url });
        return response.StatusCode == HttpStatusCode.Created
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiId").GetString()
            : null;
    }
}
