using System.Diagnostics;
using System.Net;
using OrleansGateway.Cluster.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.RestApis;

namespace OrleansGateway.Cluster.Tests;

/// <summary>
/// A usage plan quota spent through both edges while each silo in turn is killed (kill -9), so the
/// key's quota grain fails over wherever it lived: the calls admitted never exceed the limit, then
/// every call is 429 "Limit Exceeded", and get-usage counts at least what was admitted.
/// </summary>
public sealed class QuotaSiloFailoverTests(UnsignedClusterFixture cluster, ITestOutputHelper output) : IClassFixture<UnsignedClusterFixture>
{
    private const int Limit = 40;

    // A lease of one call per edge can be lost with a dead silo or edge; a few are allowed to go unserved.
    private const int MostUnserved = 6;

    private static readonly TimeSpan PhaseBudget = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task KillingEachSilo_InTurn_QuotaIsNeverExceeded_ThenLimitExceeded()
    {
        using var admin = new RestAdmin(cluster.EdgeA.AdminUrl);
        using var api = await MeteredApi.CreateAsync(admin, Limit);
        var edges = new[] { cluster.EdgeA.DataUrl, cluster.EdgeB.DataUrl };
        var calls = new List<(HttpStatusCode Status, string Body)>();
        foreach (var edge in edges)
        {
            await api.WaitAdmittedAsync(edge);
            calls.Add((HttpStatusCode.OK, ""));
        }

        await CallUntilAsync(api, edges, calls, () => Admitted(calls) >= 10);
        cluster.SiloA.Process.Kill();
        await CallUntilAsync(api, edges, calls, () => Admitted(calls) >= 20);

        var siloC = await cluster.AddSiloAsync();
        await siloC.WaitForActiveMembersAsync(TimeSpan.FromSeconds(10), cluster.SiloB.SiloPort, siloC.SiloPort);
        cluster.SiloB.Process.Kill();

        // On until both edges have answered "Limit Exceeded" three times in a row each.
        await CallUntilAsync(api, edges, calls, () => calls.TakeLast(6).Count(c => c.Status == HttpStatusCode.TooManyRequests) == 6);
        var admitted = Admitted(calls);
        output.WriteLine($"{calls.Count} calls: {admitted} admitted, " + string.Join(", ", calls.GroupBy(c => c.Status).Select(g => $"{g.Count()} × {(int)g.Key}")));

        Assert.InRange(admitted, Limit - MostUnserved, Limit);
        Assert.Equal("""{"message":"Limit Exceeded"}""", calls[^1].Body);
        foreach (var edge in edges)
        {
            Assert.Equal((HttpStatusCode.TooManyRequests, """{"message":"Limit Exceeded"}"""), await api.CallAsync(edge));
        }

        using var adminB = new RestAdmin(cluster.EdgeB.AdminUrl);
        var (used, remaining) = await api.UsageTodayAsync(adminB);
        Assert.InRange(used, admitted, Limit);
        Assert.Equal(Limit - used, remaining);
    }

    private static int Admitted(List<(HttpStatusCode Status, string Body)> calls) => calls.Count(c => c.Status == HttpStatusCode.OK);

    // Calls through the edges in turn, one at a time, until done() or the phase budget runs out
    // (calls made while the quota grain fails over may fail: status 0 or 5xx, never admitted).
    private static async Task CallUntilAsync(MeteredApi api, string[] edges, List<(HttpStatusCode Status, string Body)> calls, Func<bool> done)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; !done(); i++)
        {
            Assert.True(clock.Elapsed < PhaseBudget, $"not done after {PhaseBudget}: {string.Join(", ", calls.TakeLast(10).Select(c => $"{(int)c.Status} {c.Body}"))}");
            var call = await api.CallAsync(edges[i % edges.Length]);
            calls.Add(call);
            if (call.Status is not (HttpStatusCode.OK or HttpStatusCode.TooManyRequests))
            {
                await Task.Delay(50);
            }

            Assert.True(Admitted(calls) <= Limit, $"call {calls.Count} admitted past the limit of {Limit}");
        }
    }
}
