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
            string authorizerId;
            await using (var first = await EdgeHost.StartAsync(dataPath))
            {
                var aws = new ApiGatewayV2Cli(first.AdminUrl);
                created = await aws.CreateFullApiAsync("survivor", "http://127.0.0.1:9");
                quickApiId = (await aws.JsonAsync("create-api", "--name", "quick-survivor", "--protocol-type", "HTTP", "--target", "http://127.0.0.1:9"))
                    .GetProperty("ApiId").GetString()!;
                await aws.OkAsync("tag-resource", "--resource-arn", $"arn:aws:apigateway:us-east-1::/apis/{created.ApiId}/stages/{created.StageName}", "--tags", "kept=yes");
                authorizerId = (await aws.JsonAsync("create-authorizer", "--api-id", created.ApiId, "--name", "jwt", "--authorizer-type", "JWT",
                    "--identity-source", "$request.header.Authorization", "--jwt-configuration", "Issuer=https://issuer.example")).GetProperty("AuthorizerId").GetString()!;
                await aws.JsonAsync("create-domain-name", "--domain-name", "survivor.example.com");
                await aws.JsonAsync("create-api-mapping", "--domain-name", "survivor.example.com", "--api-id", created.ApiId, "--stage", created.StageName);
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
            Assert.Equal("yes", stage.GetProperty("Tags").GetProperty("kept").GetString());
            Assert.Equal("jwt", (await after.JsonAsync("get-authorizer", "--api-id", created.ApiId, "--authorizer-id", authorizerId)).GetProperty("Name").GetString());
            var mapping = Assert.Single((await after.JsonAsync("get-api-mappings", "--domain-name", "survivor.example.com")).GetProperty("Items").EnumerateArray().ToList());
            Assert.Equal(created.ApiId, mapping.GetProperty("ApiId").GetString());
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
