using System.Diagnostics;
using System.Net;
using OrleansGateway.Cluster.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.Cluster.Tests;

/// <summary>
/// One route's limit, loaded through both edges at once: the edges lease slices of the route's one
/// cluster-wide bucket, so together they admit the limit, not twice it, within ±5%.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterThrottlingTests(ClusterFixture cluster, ITestOutputHelper output)
{
    private const double Rate = 200;
    private const int MaxRequests = 500_000;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RouteLimit_LoadedThroughBothEdges_AdmitsItsRateWithinFivePercent()
    {
        var apiId = (await AwsCli.RunAsync(cluster.EdgeA.AdminUrl, "apigatewayv2", "create-api",
            "--name", "cluster-throttle", "--protocol-type", "HTTP", "--target", cluster.Backend.Url)).Json().GetProperty("ApiId").GetString()!;
        var edges = new[] { cluster.EdgeA.DataUrl, cluster.EdgeB.DataUrl }.Select(url => $"{url}/_aws/execute-api/{apiId}/$default/load").ToArray();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };

        // Switched off first, so that both edges are seen serving the stage's settings before the limit is set.
        await UpdateDefaultRouteSettingsAsync(apiId, "ThrottlingBurstLimit=0,ThrottlingRateLimit=0");
        foreach (var edge in edges)
        {
            await WaitForStatusAsync(http, edge, HttpStatusCode.TooManyRequests);
        }

        await UpdateDefaultRouteSettingsAsync(apiId, $"ThrottlingBurstLimit={(int)Rate},ThrottlingRateLimit={Rate}");
        foreach (var edge in edges)
        {
            await WaitForStatusAsync(http, edge, HttpStatusCode.OK);
        }

        // Six loops per edge, each one request at a time, for the warm-up (which spends the burst) and the measured window.
        var clock = Stopwatch.StartNew();
        var admittedAt = new List<TimeSpan>[edges.Length];
        var sent = 0;
        var other = 0;
        await Task.WhenAll(edges.SelectMany((edge, i) =>
        {
            admittedAt[i] = [];
            return Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                while (clock.Elapsed < WarmUp + Measured && Interlocked.Increment(ref sent) <= MaxRequests)
                {
                    using var response = await http.GetAsync(edge);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        var at = clock.Elapsed;
                        lock (admittedAt[i])
                        {
                            admittedAt[i].Add(at);
                        }
                    }
                    else if (response.StatusCode != HttpStatusCode.TooManyRequests)
                    {
                        Interlocked.Increment(ref other);
                    }
                }
            }));
        }));

        var perEdge = admittedAt.Select(times => times.Count(t => t >= WarmUp && t < WarmUp + Measured)).ToArray();
        var rate = perEdge.Sum() / Measured.TotalSeconds;
        output.WriteLine($"sent {Math.Min(sent, MaxRequests)}, admitted per edge in the measured {Measured.TotalSeconds} s: {string.Join(", ", perEdge)}; {rate:F1} requests/s against a limit of {Rate} ({(rate / Rate - 1) * 100:+0.0;-0.0}%)");
        Assert.Equal(0, other);
        Assert.True(clock.Elapsed >= WarmUp + Measured, "the request cap cut the measured window short");
        // The issue's rule is the total. Both edges are loaded far past the limit, so the bucket's queue
        // (ThrottleQueue) hands them slices in turn: before it, one edge took 1,444 of 2,004 here and a CI run
        // 1,692 of 1,990, whichever edge's lease calls reached the grain first.
        Assert.All(perEdge, count => Assert.True(count >= perEdge.Sum() * 0.35, $"the edges' shares are unfair: {string.Join(", ", perEdge)}"));
        Assert.InRange(rate, Rate * 0.95, Rate * 1.05);
        Assert.True(sent > 2 * Rate * (WarmUp + Measured).TotalSeconds, $"the load ({sent} requests) did not exceed the limit");
    }

    private async Task UpdateDefaultRouteSettingsAsync(string apiId, string settings)
    {
        var result = await AwsCli.RunAsync(cluster.EdgeA.AdminUrl, "apigatewayv2", "update-stage", "--api-id", apiId, "--stage-name", "$default",
            "--default-route-settings", settings);
        Assert.True(result.ExitCode == 0, result.Stderr);
    }

    private static async Task WaitForStatusAsync(HttpClient http, string url, HttpStatusCode status)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await http.GetAsync(url);
            if (response.StatusCode == status)
            {
                return;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"{url} still answers {response.StatusCode}, not {status}");
            await Task.Delay(50);
        }
    }
}
