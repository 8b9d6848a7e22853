using OrleansGateway.Cluster.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.Cluster.Tests;

/// <summary>docker-compose starts edges and silos together: an edge waits a while for the first silo, then gives up with one line.</summary>
public sealed class EdgeStartupTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    [Fact]
    public async Task EdgeStartedBeforeAnySilo_BecomesHealthyOnceASiloJoins()
    {
        var clusterId = "og-late-" + Guid.NewGuid().ToString("N")[..8];
        var edgeTask = EdgeHost.StartAsync(environment: new Dictionary<string, string>
        {
            ["Gateway__Mode"] = "Cluster",
            ["Gateway__Storage__ConnectionString"] = storage.Storage.ConnectionString,
            ["Gateway__Silo__ClusterId"] = clusterId,
        });
        await Task.Delay(TimeSpan.FromSeconds(3));
        var healthyWithoutSilo = edgeTask.IsCompleted;

        await using var silo = await SiloHost.StartAsync(storage.Storage.ConnectionString, clusterId);
        await using var edge = await edgeTask;
        Assert.False(healthyWithoutSilo, "the edge answered /healthz before any silo ran");
        Assert.False(edge.Process.HasExited);
    }

    [Fact]
    public async Task EdgeOfAClusterWithNoSilo_GivesUpWithOneLine()
    {
        var process = HostProcess.Start(RepositoryLayout.EdgeAssembly, new Dictionary<string, string>
        {
            ["Gateway__Mode"] = "Cluster",
            ["Gateway__Storage__ConnectionString"] = storage.Storage.ConnectionString,
            ["Gateway__Silo__ClusterId"] = "og-nobody-" + Guid.NewGuid().ToString("N")[..8],
            ["Kestrel__Endpoints__Data__Url"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Kestrel__Endpoints__Admin__Url"] = $"http://127.0.0.1:{FreePort.Next()}",
        });
        await using var _ = process;
        Assert.NotEqual(0, await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("orleans-gateway: no silo of the cluster is running", process.Output);
        Assert.DoesNotContain("   at ", process.Output);
    }
}
