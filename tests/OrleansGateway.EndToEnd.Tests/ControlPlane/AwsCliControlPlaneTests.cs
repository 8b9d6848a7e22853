using System.Net;
using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane;

/// <summary>The real AWS CLI (<c>aws apigatewayv2 --endpoint-url</c>) against the real edge, unsigned admin on loopback.</summary>
public sealed class AwsCliControlPlaneTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    private readonly ApiGatewayV2Cli _aws = new(fixture.Edge.AdminUrl);

    [Fact]
    public async Task CreateApi_QuickCreate_MakesProxyIntegrationRouteAndAutoDeployedDefaultStage()
    {
        var api = await _aws.JsonAsync("create-api", "--name", "quick", "--protocol-type", "HTTP", "--target", fixture.Backend.Url, "--route-key", "GET /pets");
        var apiId = api.GetProperty("ApiId").GetString()!;

        Assert.Matches("^[a-z0-9]{10}$", apiId);
        Assert.Equal($"http://{apiId}.execute-api.localhost:{new Uri(fixture.Edge.DataUrl).Port}", api.GetProperty("ApiEndpoint").GetString());
        Assert.Equal("$request.method $request.path", api.GetProperty("RouteSelectionExpression").GetString());
        var integration = Single(await _aws.JsonAsync("get-integrations", "--api-id", apiId));
        Assert.Equal("HTTP_PROXY", integration.GetProperty("IntegrationType").GetString());
        Assert.Equal("1.0", integration.GetProperty("PayloadFormatVersion").GetString());
        Assert.Equal(fixture.Backend.Url, integration.GetProperty("IntegrationUri").GetString());
        var route = Single(await _aws.JsonAsync("get-routes", "--api-id", apiId));
        Assert.Equal("GET /pets", route.GetProperty("RouteKey").GetString());
        Assert.Equal("integrations/" + integration.GetProperty("IntegrationId").GetString(), route.GetProperty("Target").GetString());
        var stage = await _aws.JsonAsync("get-stage", "--api-id", apiId, "--stage-name", "$default");
        Assert.True(stage.GetProperty("AutoDeploy").GetBoolean());
        var deployment = Single(await _aws.JsonAsync("get-deployments", "--api-id", apiId));
        Assert.True(deployment.GetProperty("AutoDeployed").GetBoolean());
        Assert.Equal(deployment.GetProperty("DeploymentId").GetString(), stage.GetProperty("DeploymentId").GetString());
    }

    [Fact]
    public async Task CreateIntegrationRouteStageDeployment_AreReadBackAsCreated()
    {
        var created = await _aws.CreateFullApiAsync("full", fixture.Backend.Url);

        var integration = await _aws.JsonAsync("get-integration", "--api-id", created.ApiId, "--integration-id", created.IntegrationId);
        Assert.Equal(fixture.Backend.Url + "/{proxy}", integration.GetProperty("IntegrationUri").GetString());
        Assert.Equal(30000, integration.GetProperty("TimeoutInMillis").GetInt32());
        var route = await _aws.JsonAsync("get-route", "--api-id", created.ApiId, "--route-id", created.RouteId);
        Assert.Equal("ANY /items/{proxy+}", route.GetProperty("RouteKey").GetString());
        var stage = await _aws.JsonAsync("get-stage", "--api-id", created.ApiId, "--stage-name", "prod");
        Assert.Equal(created.DeploymentId, stage.GetProperty("DeploymentId").GetString());
        Assert.Equal("blue", stage.GetProperty("StageVariables").GetProperty("color").GetString());
        Assert.False(stage.TryGetProperty("AutoDeploy", out _)); // AWS leaves it out while false
        var deployment = await _aws.JsonAsync("get-deployment", "--api-id", created.ApiId, "--deployment-id", created.DeploymentId);
        Assert.Equal(("first", "DEPLOYED"), (deployment.GetProperty("Description").GetString(), deployment.GetProperty("DeploymentStatus").GetString()));
        Assert.False(deployment.GetProperty("AutoDeployed").GetBoolean());
    }

    [Fact]
    public async Task GetApis_ListsEveryApi_AndPagesWithMaxResults()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await _aws.JsonAsync("create-api", "--name", $"listed-{i}", "--protocol-type", "HTTP")).GetProperty("ApiId").GetString()!);
        }

        var all = (await _aws.JsonAsync("get-apis")).GetProperty("Items").EnumerateArray().Select(a => a.GetProperty("ApiId").GetString()).ToList();
        Assert.All(ids, id => Assert.Contains(id, all));

        // One item per page: the CLI follows nextToken itself and must still see everything, once.
        var paged = (await _aws.JsonAsync("get-apis", "--page-size", "1")).GetProperty("Items").EnumerateArray().Select(a => a.GetProperty("ApiId").GetString()).ToList();
        Assert.Equal(paged.Distinct().Count(), paged.Count);
        Assert.All(ids, id => Assert.Contains(id, paged));

        var firstPage = await _aws.JsonAsync("get-apis", "--max-items", "1");
        Assert.Single(firstPage.GetProperty("Items").EnumerateArray());
        Assert.True(firstPage.TryGetProperty("NextToken", out _));
    }

    [Fact]
    public async Task UpdateApi_ChangesOnlyTheGivenMembers_AndCorsCanBeDeleted()
    {
        var apiId = (await _aws.JsonAsync("create-api", "--name", "before", "--protocol-type", "HTTP", "--description", "kept")).GetProperty("ApiId").GetString()!;

        var updated = await _aws.JsonAsync("update-api", "--api-id", apiId, "--name", "after",
            "--cors-configuration", "AllowOrigins=https://app.example,AllowMethods=GET,MaxAge=300");

        Assert.Equal("after", updated.GetProperty("Name").GetString());
        Assert.Equal("kept", updated.GetProperty("Description").GetString());
        Assert.Equal(300, updated.GetProperty("CorsConfiguration").GetProperty("MaxAge").GetInt32());
        await _aws.OkAsync("delete-cors-configuration", "--api-id", apiId);
        Assert.False((await _aws.JsonAsync("get-api", "--api-id", apiId)).TryGetProperty("CorsConfiguration", out _));
    }

    [Fact]
    public async Task UpdateStage_WithAnOlderDeployment_RollsBack()
    {
        var created = await _aws.CreateFullApiAsync("rollback", fixture.Backend.Url);
        await _aws.JsonAsync("create-route", "--api-id", created.ApiId, "--route-key", "GET /new", "--target", "integrations/" + created.IntegrationId);
        var second = (await _aws.JsonAsync("create-deployment", "--api-id", created.ApiId, "--stage-name", "prod")).GetProperty("DeploymentId").GetString();
        Assert.Equal(second, (await _aws.JsonAsync("get-stage", "--api-id", created.ApiId, "--stage-name", "prod")).GetProperty("DeploymentId").GetString());

        var rolledBack = await _aws.JsonAsync("update-stage", "--api-id", created.ApiId, "--stage-name", "prod", "--deployment-id", created.DeploymentId);

        Assert.Equal(created.DeploymentId, rolledBack.GetProperty("DeploymentId").GetString());
        Assert.Equal("blue", rolledBack.GetProperty("StageVariables").GetProperty("color").GetString());
        Assert.Equal(created.DeploymentId, (await _aws.JsonAsync("get-stage", "--api-id", created.ApiId, "--stage-name", "prod")).GetProperty("DeploymentId").GetString());
    }

    [Fact]
    public async Task Deletes_RemoveRouteIntegrationStageDeploymentAndApi()
    {
        var created = await _aws.CreateFullApiAsync("deleted", fixture.Backend.Url);

        await _aws.OkAsync("delete-stage", "--api-id", created.ApiId, "--stage-name", "prod");
        await _aws.OkAsync("delete-deployment", "--api-id", created.ApiId, "--deployment-id", created.DeploymentId);
        await _aws.OkAsync("delete-route", "--api-id", created.ApiId, "--route-id", created.RouteId);
        await _aws.OkAsync("delete-integration", "--api-id", created.ApiId, "--integration-id", created.IntegrationId);

        Assert.Empty((await _aws.JsonAsync("get-stages", "--api-id", created.ApiId)).GetProperty("Items").EnumerateArray());
        Assert.Empty((await _aws.JsonAsync("get-deployments", "--api-id", created.ApiId)).GetProperty("Items").EnumerateArray());
        Assert.Empty((await _aws.JsonAsync("get-routes", "--api-id", created.ApiId)).GetProperty("Items").EnumerateArray());
        Assert.Empty((await _aws.JsonAsync("get-integrations", "--api-id", created.ApiId)).GetProperty("Items").EnumerateArray());
        await _aws.OkAsync("delete-api", "--api-id", created.ApiId);
        Assert.Contains("NotFoundException", (await _aws.RunAsync("get-api", "--api-id", created.ApiId)).Stderr);
    }

    [Fact]
    public async Task Errors_AreAwsErrors()
    {
        var unknown = await _aws.RunAsync("get-api", "--api-id", "abcdefghij");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("An error occurred (NotFoundException) when calling the GetApi operation: Invalid API identifier specified", unknown.Stderr);

        var apiId = (await _aws.JsonAsync("create-api", "--name", "errors", "--protocol-type", "HTTP")).GetProperty("ApiId").GetString()!;
        var noRoutes = await _aws.RunAsync("create-deployment", "--api-id", apiId);
        Assert.Contains("(BadRequestException) when calling the CreateDeployment operation: Unable to deploy API because no routes exist in this API", noRoutes.Stderr);
        await _aws.JsonAsync("create-stage", "--api-id", apiId, "--stage-name", "dev");
        var duplicate = await _aws.RunAsync("create-stage", "--api-id", apiId, "--stage-name", "dev");
        Assert.Contains("(ConflictException)", duplicate.Stderr);
    }

    [Fact]
    public async Task UnknownUri_Is404WithAwsErrorShape_AndUnsignedAdminIsAnnounced()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(fixture.Edge.AdminUrl + "/v2/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFoundException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.TryGetProperty("message", out _));
        Assert.Contains("is unauthenticated on loopback", fixture.Edge.Process.Output);
    }

    private static JsonElement Single(JsonElement page) => Assert.Single(page.GetProperty("Items").EnumerateArray().ToList());
}
