using OrleansGateway.Cluster.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.RestApis;

namespace OrleansGateway.Cluster.Tests;

/// <summary>
/// A REST API deployed through one edge and called through the other keeps answering the same
/// while a silo is killed (kill -9), and a stage deployed after the failover is served too.
/// </summary>
public sealed class RestApiSiloFailoverTests(UnsignedClusterFixture cluster) : IClassFixture<UnsignedClusterFixture>
{
    private static readonly TimeSpan RecoveryBudget = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task KillingASilo_RestCallsThroughTheOtherEdgeKeepTheirAnswer()
    {
        using var admin = new RestAdmin(cluster.EdgeA.AdminUrl);
        var (apiId, rootId) = await admin.CreateApiAsync(new { name = "rest-failover" });
        var orders = await admin.CreateResourceAsync(apiId, rootId, "orders");
        await admin.MethodAsync(apiId, orders, "GET",
            new { type = "HTTP", httpMethod = "GET", uri = $"{cluster.Backend.Url}/backend/orders" },
            new { responseTemplates = new Dictionary<string, string> { ["application/json"] = """{"stage":"$context.stage","backendPath":$input.json('$.path')}""" } });
        await admin.DeployAsync(apiId, "prod");
        var before = await DataPlaneProbe.EchoWithinAsync(cluster.EdgeB.DataUrl, apiId, "/prod/orders", TimeSpan.FromSeconds(5));
        Assert.Equal("/backend/orders", before.GetProperty("backendPath").GetString());

        cluster.SiloA.Process.Kill();

        for (var i = 0; i < 20; i++)
        {
            var after = await DataPlaneProbe.EchoWithinAsync(cluster.EdgeB.DataUrl, apiId, "/prod/orders", RecoveryBudget);
            Assert.Equal(before.GetRawText(), after.GetRawText());
            await Task.Delay(100);
        }

        // Grains that lived on the dead silo come back on the survivor: a new deployment reaches edge B.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                await admin.DeployAsync(apiId, "after");
                break;
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException or HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }

        var late = await DataPlaneProbe.EchoWithinAsync(cluster.EdgeB.DataUrl, apiId, "/after/orders", RecoveryBudget);
        Assert.Equal("after", late.GetProperty("stage").GetString());
        Assert.Equal("/backend/orders", late.GetProperty("backendPath").GetString());
    }
}
