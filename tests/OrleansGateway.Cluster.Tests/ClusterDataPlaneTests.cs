using OrleansGateway.Cluster.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ClusterDataPlaneTests(ClusterFixture cluster)
{
    [Fact]
    public async Task ApiCreatedThroughEdgeA_IsServedByEdgeB()
    {
        var created = (await AwsCli.RunAsync(cluster.EdgeA.AdminUrl, "apigatewayv2", "create-api",
            "--name", "cluster-proxy", "--protocol-type", "HTTP", "--target", cluster.Backend.Url)).Json();
        var apiId = created.GetProperty("ApiId").GetString()!;

        // Deployed on one edge, served by the other: the routing table reaches edge B through the grains.
        var echoed = await DataPlaneProbe.EchoWithinAsync(cluster.EdgeB.DataUrl, apiId, "/orders/42?x=1", TimeSpan.FromSeconds(5));
        Assert.Equal("/orders/42", echoed.GetProperty("path").GetString());
        Assert.Equal("?x=1", echoed.GetProperty("rawQuery").GetString());
        Assert.Equal(new Uri(cluster.Backend.Url).Authority, echoed.GetProperty("headers").GetProperty("host").GetString());

        var viaA = await DataPlaneProbe.EchoWithinAsync(cluster.EdgeA.DataUrl, apiId, "/orders/43", TimeSpan.FromSeconds(5));
        Assert.Equal("/orders/43", viaA.GetProperty("path").GetString());
    }
}
