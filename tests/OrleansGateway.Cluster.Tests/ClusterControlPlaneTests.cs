using OrleansGateway.Cluster.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ClusterControlPlaneTests(ClusterFixture cluster)
{
    [Fact]
    public async Task ApiCreatedThroughEdgeA_IsReadThroughEdgeB()
    {
        var name = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        var created = (await AwsCli.RunAsync(cluster.EdgeA.AdminUrl, "apigatewayv2", "create-api", "--name", name, "--protocol-type", "HTTP")).Json();
        var apiId = created.GetProperty("ApiId").GetString()!;

        var read = (await AwsCli.RunAsync(cluster.EdgeB.AdminUrl, "apigatewayv2", "get-api", "--api-id", apiId)).Json();
        Assert.Equal(name, read.GetProperty("Name").GetString());

        var listed = (await AwsCli.RunAsync(cluster.EdgeB.AdminUrl, "apigatewayv2", "get-apis")).Json();
        Assert.Contains(listed.GetProperty("Items").EnumerateArray(), api => api.GetProperty("ApiId").GetString() == apiId);
    }
}
