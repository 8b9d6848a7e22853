using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane.RestApis;

public sealed class RestApiRestartTests
{
    [Fact]
    public async Task KilledEdge_RestartedOnSameData_StillHasTheRestApiItsTreeStageAndDeployment()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "og-rest-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            string apiId, petsId, deploymentId, validatorId;
            await using (var first = await EdgeHost.StartAsync(dataPath))
            {
                var aws = new ApiGatewayCli(first.AdminUrl);
                var api = await aws.JsonAsync("create-rest-api", "--name", "rest-survivor");
                apiId = api.GetProperty("id").GetString()!;
                petsId = (await aws.JsonAsync("create-resource", "--rest-api-id", apiId, "--parent-id", api.GetProperty("rootResourceId").GetString()!, "--path-part", "pets"))
                    .GetProperty("id").GetString()!;
                validatorId = (await aws.JsonAsync("create-request-validator", "--rest-api-id", apiId, "--name", "body", "--validate-request-body")).GetProperty("id").GetString()!;
                await aws.JsonAsync("put-method", "--rest-api-id", apiId, "--resource-id", petsId, "--http-method", "GET", "--authorization-type", "NONE",
                    "--request-validator-id", validatorId);
                await aws.JsonAsync("put-integration", "--rest-api-id", apiId, "--resource-id", petsId, "--http-method", "GET", "--type", "MOCK");
                deploymentId = (await aws.JsonAsync("create-deployment", "--rest-api-id", apiId, "--stage-name", "prod", "--description", "first", "--variables", "color=blue"))
                    .GetProperty("id").GetString()!;
                await aws.OkAsync("tag-resource", "--resource-arn", $"arn:aws:apigateway:us-east-1::/restapis/{apiId}/stages/prod", "--tags", "kept=yes");
                first.Process.Kill();
            }

            await using var second = await EdgeHost.StartAsync(dataPath);
            var after = new ApiGatewayCli(second.AdminUrl);
            Assert.Contains(apiId, (await after.JsonAsync("get-rest-apis")).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
            var method = await after.JsonAsync("get-method", "--rest-api-id", apiId, "--resource-id", petsId, "--http-method", "GET");
            Assert.Equal(validatorId, method.GetProperty("requestValidatorId").GetString());
            Assert.Equal("MOCK", method.GetProperty("methodIntegration").GetProperty("type").GetString());
            var stage = await after.JsonAsync("get-stage", "--rest-api-id", apiId, "--stage-name", "prod");
            Assert.Equal(deploymentId, stage.GetProperty("deploymentId").GetString());
            Assert.Equal("blue", stage.GetProperty("variables").GetProperty("color").GetString());
            Assert.Equal("yes", stage.GetProperty("tags").GetProperty("kept").GetString());
            var deployment = await after.JsonAsync("get-deployment", "--rest-api-id", apiId, "--deployment-id", deploymentId, "--embed", "apisummary");
            Assert.Equal("first", deployment.GetProperty("description").GetString());
            Assert.Equal("NONE", deployment.GetProperty("apiSummary").GetProperty("/pets").GetProperty("GET").GetProperty("authorizationType").GetString());
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
