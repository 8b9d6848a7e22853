using System.Net;
using OrleansGateway.Cluster.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.RestApis;

namespace OrleansGateway.Cluster.Tests;

/// <summary>
/// A full restart (every edge and silo stopped, new ones started on the same storage) forgets no
/// quota: what was used before still counts, and calls past what is left answer "Limit Exceeded".
/// </summary>
public sealed class QuotaClusterRestartTests(UnsignedClusterFixture cluster, ITestOutputHelper output) : IClassFixture<UnsignedClusterFixture>
{
    private const int Limit = 20;
    private const int SpentBefore = 12;
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task FullRestart_QuotaUsedBefore_StillCounts()
    {
        MeteredApi api;
        using (var admin = new RestAdmin(cluster.EdgeA.AdminUrl))
        {
            api = await MeteredApi.CreateAsync(admin, Limit);
        }

        using var _ = api;
        await api.WaitAdmittedAsync(cluster.EdgeA.DataUrl);
        await api.WaitAdmittedAsync(cluster.EdgeB.DataUrl);
        for (var i = 2; i < SpentBefore; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.CallAsync(i % 2 == 0 ? cluster.EdgeA.DataUrl : cluster.EdgeB.DataUrl)).Status);
        }

        // Everything stops (gracefully, as a redeploy would), edges first.
        foreach (var process in new[] { cluster.EdgeA.Process, cluster.EdgeB.Process, cluster.SiloA.Process, cluster.SiloB.Process })
        {
            await process.StopAsync(StopBudget);
        }

        var silo1 = await cluster.AddSiloAsync();
        var silo2 = await cluster.AddSiloAsync();
        await silo1.WaitForActiveMembersAsync(TimeSpan.FromSeconds(10), silo1.SiloPort, silo2.SiloPort);
        await using var edge1 = await EdgeHost.StartAsync(environment: cluster.EdgeEnvironment);
        await using var edge2 = await EdgeHost.StartAsync(environment: cluster.EdgeEnvironment);
        using var admin1 = new RestAdmin(edge1.AdminUrl);

        // Used counts what was admitted and what the old edges held leased (at most a call each).
        var (usedBefore, remainingBefore) = await api.UsageTodayAsync(admin1);
        output.WriteLine($"after the restart: used {usedBefore}, remaining {remainingBefore}");
        Assert.InRange(usedBefore, SpentBefore, SpentBefore + 2);
        Assert.Equal(Limit - usedBefore, remainingBefore);

        var edges = new[] { edge1.DataUrl, edge2.DataUrl };
        var admittedAfter = 0;
        var limitExceededInARow = 0;
        for (var i = 0; limitExceededInARow < 6; i++)
        {
            Assert.True(i < 100, $"still admitting after {i} calls ({admittedAfter} admitted)");
            var (status, body) = await api.CallAsync(edges[i % 2]);
            if (status == HttpStatusCode.OK)
            {
                admittedAfter++;
                limitExceededInARow = 0;
            }
            else if (status == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("""{"message":"Limit Exceeded"}""", body);
                limitExceededInARow++;
            }
            else
            {
                // The new edges' key tables may still be loading (403) on the very first calls.
                Assert.True(status == HttpStatusCode.Forbidden && admittedAfter == 0, $"{status} {body}");
                await Task.Delay(100);
            }
        }

        output.WriteLine($"admitted after the restart: {admittedAfter}");
        Assert.InRange(admittedAfter, 1, Limit - usedBefore);
        Assert.True(SpentBefore + admittedAfter <= Limit);
        var (usedAfter, remainingAfter) = await api.UsageTodayAsync(admin1);
        Assert.Equal((Limit, 0L), (usedAfter, remainingAfter));
    }
}
