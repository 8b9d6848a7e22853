using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane;

public sealed class RestartTests
{
    [Fact]
    public async Task KilledEdge_RestartedOnSameData_StillHasEveryApiRouteIntegrationStageAndDeployment()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "og-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            CreatedApi created;
            string quickApiId;
            await using (var first = await EdgeHost.StartAsync(dataPath))
            {
                var aws = new ApiGatewayV2Cli(first.AdminUrl);
                created = await aws.CreateFullApiAsync("survivor", "http://127.0.0.1:9");
                quickApiId = (await aws.JsonAsync("create-api", "--name", "quick-survivor", "--protocol-type", "HTTP", "--target", "http://127.0.0.1:9"))
                    .GetProperty("ApiId").GetString()!;
                first.Process.Kill();
            }

            await using var second = await EdgeHost.StartAsync(dataPath);
            var after = new ApiGatewayV2Cli(second.AdminUrl);
            var apis = (await after.JsonAsync("get-apis")).GetProperty("Items").EnumerateArray().Select(a => a.GetProperty("ApiId").GetString()).ToList();
            Assert.Contains(created.ApiId, apis);
            Assert.Contains(quickApiId, apis);
            Assert.Equal("survivor", (await after.JsonAsync("get-api", "--api-id", created.ApiId)).GetProperty("Name").GetString());
            Assert.Equal("ANY /items/{proxy+}", (await after.JsonAsync("get-route", "--api-id", created.ApiId, "--route-id", created.RouteId)).GetProperty("RouteKey").GetString());
            Assert.Equal("HTTP_PROXY", (await after.JsonAsync("get-integration", "--api-id", created.ApiId, "--integration-id", created.IntegrationId)).GetProperty("IntegrationType").GetString());
            var stage = await after.JsonAsync("get-stage", "--api-id", created.ApiId, "--stage-name", created.StageName);
            Assert.Equal(created.DeploymentId, stage.GetProperty("DeploymentId").GetString());
            Assert.Equal("blue", stage.GetProperty("StageVariables").GetProperty("color").GetString());
            Assert.Equal("first", (await after.JsonAsync("get-deployment", "--api-id", created.ApiId, "--deployment-id", created.DeploymentId)).GetProperty("Description").GetString());
            Assert.True((await after.JsonAsync("get-stage", "--api-id", quickApiId, "--stage-name", "$default")).GetProperty("AutoDeploy").GetBoolean());
        }
        finally
        {
            if (Directory.Exists(dataPath))
            {
                Directory.Delete(dataPath, recursive: true);
            }
        }
    }
}
