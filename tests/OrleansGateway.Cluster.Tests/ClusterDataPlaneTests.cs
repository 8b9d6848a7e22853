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

    [Fact]
    public async Task DeploymentThroughEdgeA_IsServedByEdgeBWithinOneSecond()
    {
        var created = (await AwsCli.RunAsync(cluster.EdgeA.AdminUrl, "apigatewayv2", "create-api",
            "--name", "cluster-push", "--protocol-type", "HTTP", "--target", cluster.Backend.Url)).Json();
        var apiId = created.GetProperty("ApiId").GetString()!;

        // Edge B caches the stage as first deployed: /fresh falls to the $default route.
        var before = await DataPlaneProbe.EchoWithinAsync(cluster.EdgeB.DataUrl, apiId, "/fresh", TimeSpan.FromSeconds(5));
        Assert.Equal("/fresh", before.GetProperty("path").GetString());

        var integration = (await AwsCli.RunAsync(cluster.EdgeA.AdminUrl, "apigatewayv2", "create-integration",
            "--api-id", apiId, "--integration-type", "HTTP_PROXY", "--integration-method", "ANY",
            "--payload-format-version", "1.0", "--integration-uri", cluster.Backend.Url + "/pushed")).Json();
        (await AwsCli.RunAsync(cluster.EdgeA.AdminUrl, "apigatewayv2", "create-route", "--api-id", apiId,
            "--route-key", "GET /fresh", "--target", "integrations/" + integration.GetProperty("IntegrationId").GetString())).Json();

        // The $default stage auto-deploys; the stage grain pushes the change to every edge.
        var deployed = DateTime.UtcNow;
        while (true)
        {
            var echoed = await DataPlaneProbe.TryEchoAsync(cluster.EdgeB.DataUrl, apiId, "/fresh");
            if (echoed?.GetProperty("path").GetString() == "/pushed")
            {
                break;
            }

            Assert.True(DateTime.UtcNow - deployed < TimeSpan.FromSeconds(1), "edge B still served the old deployment after 1 s");
            await Task.Delay(20);
        }
    }
}
