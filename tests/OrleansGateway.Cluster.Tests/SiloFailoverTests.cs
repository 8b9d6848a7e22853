using OrleansGateway.Cluster.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.Cluster.Tests;

/// <summary>Killing a silo (kill -9) loses nothing that was acknowledged, and the cluster serves again within 10 s.</summary>
public sealed class SiloFailoverTests(UnsignedClusterFixture cluster, ITestOutputHelper output) : IClassFixture<UnsignedClusterFixture>
{
    private static readonly TimeSpan RecoveryBudget = TimeSpan.FromSeconds(10);

    // Three missed half-second probes declare a silo dead; Orleans stretches the probe timeout while the
    // prober itself looks unhealthy (a survivor no one probes any more does), which took 6.5 s here once.
    private static readonly TimeSpan DeathDeclarationBudget = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task KillingEachOriginalSilo_InTurn_LosesNoApi_AndListingRecoversWithin10s()
    {
        var apiIds = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var created = (await AwsCli.RunAsync(cluster.EdgeA.AdminUrl, "apigatewayv2", "create-api",
                "--name", $"failover-{i}", "--protocol-type", "HTTP", "--target", $"{cluster.Backend.Url}/api{i}")).Json();
            apiIds.Add(created.GetProperty("ApiId").GetString()!);
        }

        foreach (var apiId in apiIds)
        {
            await DataPlaneProbe.EchoWithinAsync(cluster.EdgeB.DataUrl, apiId, "/before", TimeSpan.FromSeconds(5));
        }

        // Every grain lives on silo A or silo B; killing both in turn (with a third silo joining in
        // between) makes each of them fail over once, wherever placement put it.
        await KillAndWaitForRecoveryAsync(cluster.SiloA, cluster.SiloB, cluster.EdgeB, apiIds);
        var siloC = await cluster.AddSiloAsync();
        await siloC.WaitForActiveMembersAsync(TimeSpan.FromSeconds(10), cluster.SiloB.SiloPort, siloC.SiloPort);
        await KillAndWaitForRecoveryAsync(cluster.SiloB, siloC, cluster.EdgeA, apiIds);

        // A deployment made after both failovers still reaches the other edge.
        var late = (await AwsCli.RunAsync(cluster.EdgeA.AdminUrl, "apigatewayv2", "create-api",
            "--name", "after-failover", "--protocol-type", "HTTP", "--target", cluster.Backend.Url)).Json();
        await DataPlaneProbe.EchoWithinAsync(cluster.EdgeB.DataUrl, late.GetProperty("ApiId").GetString()!, "/late", TimeSpan.FromSeconds(5));

        var listed = (await AwsCli.RunAsync(cluster.EdgeB.AdminUrl, "apigatewayv2", "get-apis")).Json();
        var names = listed.GetProperty("Items").EnumerateArray().ToDictionary(a => a.GetProperty("ApiId").GetString()!, a => a.GetProperty("Name").GetString());
        for (var i = 0; i < apiIds.Count; i++)
        {
            Assert.Equal($"failover-{i}", names[apiIds[i]]);
        }
    }

    private async Task KillAndWaitForRecoveryAsync(SiloHost victim, SiloHost survivor, EdgeHost edge, IReadOnlyCollection<string> apiIds)
    {
        await using var poller = new ControlPlanePoller(edge.AdminUrl);
        await poller.WaitForCompleteListingAsync(TimeSpan.Zero, apiIds, TimeSpan.FromSeconds(30));
        await Task.Delay(500);

        var killedAt = poller.Now;
        victim.Process.Kill();

        // The data plane keeps serving from its cached routing tables while the cluster recovers.
        var served = await Task.WhenAll(apiIds.Select((apiId, i) =>
            DataPlaneProbe.EchoWithinAsync(edge.DataUrl, apiId, $"/after-kill-{victim.SiloPort}", RecoveryBudget)));
        for (var i = 0; i < served.Length; i++)
        {
            Assert.Equal($"/api{i}/after-kill-{victim.SiloPort}", served[i].GetProperty("path").GetString());
        }

        var recovered = await poller.WaitForCompleteListingAsync(killedAt, apiIds, RecoveryBudget);

        // Let calls that were in flight at the kill finish, however long they take.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var history = string.Join('\n', poller.Samples.Where(s => s.Started >= killedAt - TimeSpan.FromSeconds(1)));
        Assert.True(recovered.Started + recovered.Duration - killedAt < RecoveryBudget, $"recovered {recovered} after the kill at {killedAt}:\n{history}");
        var slowest = poller.Samples.Where(s => s.Started >= killedAt - TimeSpan.FromSeconds(1)).MaxBy(s => s.Duration)!;
        Assert.True(slowest.Duration < RecoveryBudget, $"a call hung for {slowest.Duration}:\n{history}");

        output.WriteLine($"killed silo {victim.SiloPort} at {killedAt.TotalSeconds:0.00}s:\n{history}");

        // The survivor declares the victim dead on its own: Orleans caps the two votes a death needs
        // at half the active silos, so with two silos one vote suffices.
        while ((await survivor.MembershipAsync())[victim.SiloPort] != "Dead")
        {
            Assert.True(poller.Now - killedAt < DeathDeclarationBudget, $"silo {victim.SiloPort} still not declared dead");
            await Task.Delay(100);
        }

        output.WriteLine($"declared dead by {poller.Now.TotalSeconds:0.00}s");
    }
}
