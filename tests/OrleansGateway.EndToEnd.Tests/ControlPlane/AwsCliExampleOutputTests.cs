using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane;

/// <summary>
/// The commands of the AWS CLI's own apigatewayv2 examples (awscli/examples/apigatewayv2/*.rst),
/// run as written, answer with the members the examples' outputs show: no more, no fewer.
/// </summary>
public sealed class AwsCliExampleOutputTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    private const string Lambda = "arn:aws:lambda:us-west-2:123456789012:function:my-function";

    private readonly ApiGatewayV2Cli _aws = new(fixture.Edge.AdminUrl);

    [Fact]
    public async Task CreateApi_QuickCreate_AnswersWithTheMembersAwsShows()
    {
        // create-api.rst's HTTP example; AWS's answer today also carries DisableExecuteApiEndpoint and IpAddressType.
        var api = await _aws.JsonAsync("create-api", "--name", "my-http-api", "--protocol-type", "HTTP", "--target", Lambda);

        Assert.Equal(["ApiEndpoint", "ApiId", "ApiKeySelectionExpression", "CreatedDate", "DisableExecuteApiEndpoint", "IpAddressType", "Name", "ProtocolType", "RouteSelectionExpression"], Members(api));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", api.GetProperty("CreatedDate").GetString());

        // get-api.rst and get-apis.rst show Tags, empty or not.
        var read = await _aws.JsonAsync("get-api", "--api-id", api.GetProperty("ApiId").GetString()!);
        Assert.Empty(read.GetProperty("Tags").EnumerateObject());
        Assert.False(read.TryGetProperty("DisableSchemaValidation", out _));

        // An HTTP API routes by method and path only.
        var refused = await _aws.RunAsync("create-api", "--name", "x", "--protocol-type", "HTTP", "--route-selection-expression", "$request.body.action");
        Assert.Contains("(BadRequestException) when calling the CreateApi operation", refused.Stderr);
    }

    [Fact]
    public async Task CreateRouteAndStage_LeaveOutFalseDefaults_AndShowEmptyStageVariables()
    {
        var apiId = await CreateApiAsync("examples-plain");

        // create-route.rst: ApiKeyRequired, AuthorizationType, RouteKey, RouteId; no ApiGatewayManaged.
        var route = await _aws.JsonAsync("create-route", "--api-id", apiId, "--route-key", "POST /signup");
        Assert.Equal(["ApiKeyRequired", "AuthorizationType", "RouteId", "RouteKey"], Members(route));

        // create-stage.rst: no AutoDeploy, no ApiGatewayManaged, StageVariables {} even when none are given.
        var stage = await _aws.JsonAsync("create-stage", "--api-id", apiId, "--stage-name", "dev");
        Assert.Equal(["CreatedDate", "DefaultRouteSettings", "LastUpdatedDate", "RouteSettings", "StageName", "StageVariables", "Tags"], Members(stage));
        Assert.Empty(stage.GetProperty("StageVariables").EnumerateObject());
        Assert.Equal(stage.GetProperty("CreatedDate").GetString(), stage.GetProperty("LastUpdatedDate").GetString());

        // get-api.rst shows no ApiGatewayManaged for an API.
        Assert.False((await _aws.JsonAsync("get-api", "--api-id", apiId)).TryGetProperty("ApiGatewayManaged", out _));
    }

    [Fact]
    public async Task QuickCreate_ManagedResourcesSaySo_AndTheDefaultStageReportsItsAutomaticDeployment()
    {
        var apiId = (await _aws.JsonAsync("create-api", "--name", "my-http-api", "--protocol-type", "HTTP", "--target", fixture.Backend.Url))
            .GetProperty("ApiId").GetString()!;

        // get-routes.rst / get-stages.rst: the quick-created $default route and stage are ApiGatewayManaged.
        var route = Single(await _aws.JsonAsync("get-routes", "--api-id", apiId));
        Assert.True(route.GetProperty("ApiGatewayManaged").GetBoolean());
        var stage = Single(await _aws.JsonAsync("get-stages", "--api-id", apiId));
        Assert.True(stage.GetProperty("ApiGatewayManaged").GetBoolean());
        Assert.True(stage.GetProperty("AutoDeploy").GetBoolean());
        var deploymentId = stage.GetProperty("DeploymentId").GetString();
        Assert.Equal($"Successfully deployed stage with deployment ID '{deploymentId}'", stage.GetProperty("LastDeploymentStatusMessage").GetString());
        Assert.Empty(stage.GetProperty("StageVariables").EnumerateObject());

        // A manual deployment to a stage without autoDeploy leaves no status message (get-stage.rst).
        await _aws.JsonAsync("create-stage", "--api-id", apiId, "--stage-name", "prod");
        await _aws.JsonAsync("create-deployment", "--api-id", apiId, "--stage-name", "prod");
        Assert.False((await _aws.JsonAsync("get-stage", "--api-id", apiId, "--stage-name", "prod")).TryGetProperty("LastDeploymentStatusMessage", out _));
    }

    [Fact]
    public async Task CreateIntegration_LambdaProxy_IsPostWithoutBeingAsked()
    {
        var apiId = await CreateApiAsync("examples-lambda");

        // create-integration.rst, HTTP API example: IntegrationMethod POST although the command gives none.
        var integration = await _aws.JsonAsync("create-integration", "--api-id", apiId, "--integration-type", "AWS_PROXY",
            "--integration-uri", Lambda, "--payload-format-version", "2.0");

        Assert.Equal(["ConnectionType", "IntegrationId", "IntegrationMethod", "IntegrationType", "IntegrationUri", "PayloadFormatVersion", "TimeoutInMillis"], Members(integration));
        Assert.Equal(("INTERNET", "POST", "2.0", 30000), (
            integration.GetProperty("ConnectionType").GetString(), integration.GetProperty("IntegrationMethod").GetString(),
            integration.GetProperty("PayloadFormatVersion").GetString(), integration.GetProperty("TimeoutInMillis").GetInt32()));
    }

    [Fact]
    public async Task CreateIntegration_WebSocketMock_HasTheExamplesDefaults()
    {
        var apiId = (await _aws.JsonAsync("create-api", "--name", "myWebSocketApi", "--protocol-type", "WEBSOCKET",
            "--route-selection-expression", "$request.body.action")).GetProperty("ApiId").GetString()!;

        var integration = await _aws.JsonAsync("create-integration", "--api-id", apiId, "--passthrough-behavior", "WHEN_NO_MATCH",
            "--timeout-in-millis", "29000", "--connection-type", "INTERNET", "--integration-type", "MOCK");

        Assert.Equal(["ConnectionType", "IntegrationId", "IntegrationResponseSelectionExpression", "IntegrationType", "PassthroughBehavior", "PayloadFormatVersion", "TimeoutInMillis"], Members(integration));
        Assert.Equal("${integration.response.statuscode}", integration.GetProperty("IntegrationResponseSelectionExpression").GetString());
        Assert.Equal("1.0", integration.GetProperty("PayloadFormatVersion").GetString());
    }

    [Fact]
    public async Task TagResource_UntagResource_GetTags_OnAnApiAndAStage()
    {
        var apiId = (await _aws.JsonAsync("create-api", "--name", "tagged", "--protocol-type", "HTTP", "--tags", "owner=dev-team"))
            .GetProperty("ApiId").GetString()!;
        var apiArn = $"arn:aws:apigateway:us-west-2::/apis/{apiId}";

        // tag-resource.rst / untag-resource.rst print nothing; get-tags.rst prints {"Tags": {...}}.
        var tagged = await _aws.RunAsync("tag-resource", "--resource-arn", apiArn, "--tags", "Department=Accounting,Project=p,Owner=o");
        Assert.Equal((0, ""), (tagged.ExitCode, tagged.Stdout.Trim()));
        await _aws.OkAsync("untag-resource", "--resource-arn", apiArn, "--tag-keys", "Project", "Owner");

        var tags = (await _aws.JsonAsync("get-tags", "--resource-arn", apiArn)).GetProperty("Tags");
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "dev-team", ["Department"] = "Accounting" }, Tags(tags));
        Assert.Equal(Tags(tags), Tags((await _aws.JsonAsync("get-api", "--api-id", apiId)).GetProperty("Tags")));

        await _aws.JsonAsync("create-stage", "--api-id", apiId, "--stage-name", "dev");
        await _aws.OkAsync("tag-resource", "--resource-arn", apiArn + "/stages/dev", "--tags", "stage=yes");
        Assert.Equal("yes", (await _aws.JsonAsync("get-stage", "--api-id", apiId, "--stage-name", "dev")).GetProperty("Tags").GetProperty("stage").GetString());
        Assert.False((await _aws.JsonAsync("get-tags", "--resource-arn", apiArn)).GetProperty("Tags").TryGetProperty("stage", out _));

        var unknown = await _aws.RunAsync("get-tags", "--resource-arn", "arn:aws:apigateway:us-west-2::/apis/nosuchapi1");
        Assert.Contains("(NotFoundException) when calling the GetTags operation: Invalid API identifier specified 000000000000:nosuchapi1", unknown.Stderr);
        var notAnApi = await _aws.RunAsync("get-tags", "--resource-arn", "arn:aws:apigateway:us-west-2::/domainnames/example.com");
        Assert.Contains("(BadRequestException)", notAnApi.Stderr);
    }

    [Fact]
    public async Task DeleteRouteSettings_AndDeleteAccessLogSettings_PrintNothing_AndRemoveThem()
    {
        var apiId = await CreateApiAsync("examples-settings");
        await _aws.JsonAsync("create-stage", "--api-id", apiId, "--stage-name", "dev",
            "--route-settings", """{"GET /pets":{"ThrottlingBurstLimit":100,"ThrottlingRateLimit":2000},"GET /cats":{"ThrottlingBurstLimit":1}}""",
            "--access-log-settings", "DestinationArn=arn:aws:logs:us-west-2:123456789012:log-group:my-log-group,Format=$context.requestId");

        var deleted = await _aws.RunAsync("delete-route-settings", "--api-id", apiId, "--stage-name", "dev", "--route-key", "GET /pets");
        Assert.Equal((0, ""), (deleted.ExitCode, deleted.Stdout.Trim()));
        await _aws.OkAsync("delete-access-log-settings", "--api-id", apiId, "--stage-name", "dev");

        var stage = await _aws.JsonAsync("get-stage", "--api-id", apiId, "--stage-name", "dev");
        Assert.Equal(["GET /cats"], stage.GetProperty("RouteSettings").EnumerateObject().Select(p => p.Name).ToList());
        Assert.False(stage.TryGetProperty("AccessLogSettings", out _));
        var again = await _aws.RunAsync("delete-route-settings", "--api-id", apiId, "--stage-name", "dev", "--route-key", "GET /pets");
        Assert.Contains("(NotFoundException) when calling the DeleteRouteSettings operation", again.Stderr);
        var noStage = await _aws.RunAsync("delete-access-log-settings", "--api-id", apiId, "--stage-name", "nope");
        Assert.Contains("(NotFoundException) when calling the DeleteAccessLogSettings operation: Invalid stage identifier specified", noStage.Stderr);
    }

    [Fact]
    public async Task Authorizers_CreateGetUpdateDelete_AsInTheExamples_AndRoutesMayOnlyUseExistingOnes()
    {
        var apiId = (await _aws.JsonAsync("create-api", "--name", "examples-jwt", "--protocol-type", "HTTP", "--target", fixture.Backend.Url))
            .GetProperty("ApiId").GetString()!;
        const string issuer = "https://cognito-idp.us-west-2.amazonaws.com/us-west-2_abc123";

        // create-authorizer.rst, as written.
        var created = await _aws.JsonAsync("create-authorizer", "--name", "my-jwt-authorizer", "--api-id", apiId, "--authorizer-type", "JWT",
            "--identity-source", "$request.header.Authorization", "--jwt-configuration", "Audience=123456abc,Issuer=" + issuer);
        Assert.Equal(["AuthorizerId", "AuthorizerType", "IdentitySource", "JwtConfiguration", "Name"], Members(created));
        Assert.Equal("123456abc", created.GetProperty("JwtConfiguration").GetProperty("Audience")[0].GetString());
        Assert.Equal(issuer, created.GetProperty("JwtConfiguration").GetProperty("Issuer").GetString());
        var authorizerId = created.GetProperty("AuthorizerId").GetString()!;

        var updated = await _aws.JsonAsync("update-authorizer", "--api-id", apiId, "--authorizer-id", authorizerId, "--name", "renamed");
        Assert.Equal(("renamed", issuer), (updated.GetProperty("Name").GetString(), updated.GetProperty("JwtConfiguration").GetProperty("Issuer").GetString()));
        Assert.Equal("renamed", (await _aws.JsonAsync("get-authorizer", "--api-id", apiId, "--authorizer-id", authorizerId)).GetProperty("Name").GetString());
        Assert.Equal(authorizerId, Single(await _aws.JsonAsync("get-authorizers", "--api-id", apiId)).GetProperty("AuthorizerId").GetString());

        // update-route.rst, example 2: a route authorized by the JWT authorizer with scopes.
        var routeId = Single(await _aws.JsonAsync("get-routes", "--api-id", apiId)).GetProperty("RouteId").GetString()!;
        var route = await _aws.JsonAsync("update-route", "--api-id", apiId, "--route-id", routeId, "--authorization-type", "JWT",
            "--authorizer-id", authorizerId, "--authorization-scopes", "user.id", "user.email");
        Assert.Equal(("JWT", authorizerId), (route.GetProperty("AuthorizationType").GetString(), route.GetProperty("AuthorizerId").GetString()));
        Assert.Equal(["user.id", "user.email"], route.GetProperty("AuthorizationScopes").EnumerateArray().Select(s => s.GetString()).ToList());

        var unknown = await _aws.RunAsync("update-route", "--api-id", apiId, "--route-id", routeId, "--authorization-type", "JWT", "--authorizer-id", "nosuch");
        Assert.Contains("(BadRequestException) when calling the UpdateRoute operation", unknown.Stderr);
        var inUse = await _aws.RunAsync("delete-authorizer", "--api-id", apiId, "--authorizer-id", authorizerId);
        Assert.Contains("(BadRequestException) when calling the DeleteAuthorizer operation", inUse.Stderr);

        var open = await _aws.JsonAsync("update-route", "--api-id", apiId, "--route-id", routeId, "--authorization-type", "NONE");
        Assert.False(open.TryGetProperty("AuthorizerId", out _));
        await _aws.OkAsync("delete-authorizer", "--api-id", apiId, "--authorizer-id", authorizerId);
        var gone = await _aws.RunAsync("get-authorizer", "--api-id", apiId, "--authorizer-id", authorizerId);
        Assert.Contains($"(NotFoundException) when calling the GetAuthorizer operation: Invalid Authorizer identifier specified 000000000000:{apiId}/{authorizerId}", gone.Stderr);
    }

    [Fact]
    public async Task RouteAndIntegrationResponses_OnAWebSocketApi_AndRefusedOnAnHttpApi()
    {
        var apiId = (await _aws.JsonAsync("create-api", "--name", "ws-responses", "--protocol-type", "WEBSOCKET",
            "--route-selection-expression", "$request.body.action")).GetProperty("ApiId").GetString()!;
        var routeId = (await _aws.JsonAsync("create-route", "--api-id", apiId, "--route-key", "$connect",
            "--request-parameters", """{"route.request.querystring.token":{"Required":true},"route.request.header.x":{"Required":false}}"""))
            .GetProperty("RouteId").GetString()!;

        var routeResponse = await _aws.JsonAsync("create-route-response", "--api-id", apiId, "--route-id", routeId, "--route-response-key", "$default");
        Assert.Equal(["RouteResponseId", "RouteResponseKey"], Members(routeResponse));
        var routeResponseId = routeResponse.GetProperty("RouteResponseId").GetString()!;
        var updated = await _aws.JsonAsync("update-route-response", "--api-id", apiId, "--route-id", routeId, "--route-response-id", routeResponseId,
            "--model-selection-expression", "$request.body.type");
        Assert.Equal("$request.body.type", updated.GetProperty("ModelSelectionExpression").GetString());
        Assert.Equal(routeResponseId, Single(await _aws.JsonAsync("get-route-responses", "--api-id", apiId, "--route-id", routeId)).GetProperty("RouteResponseId").GetString());
        var duplicate = await _aws.RunAsync("create-route-response", "--api-id", apiId, "--route-id", routeId, "--route-response-key", "$default");
        Assert.Contains("(ConflictException)", duplicate.Stderr);
        await _aws.OkAsync("delete-route-response", "--api-id", apiId, "--route-id", routeId, "--route-response-id", routeResponseId);
        var gone = await _aws.RunAsync("get-route-response", "--api-id", apiId, "--route-id", routeId, "--route-response-id", routeResponseId);
        Assert.Contains("(NotFoundException) when calling the GetRouteResponse operation", gone.Stderr);

        await _aws.OkAsync("delete-route-request-parameter", "--api-id", apiId, "--route-id", routeId, "--request-parameter-key", "route.request.querystring.token");
        var parameters = (await _aws.JsonAsync("get-route", "--api-id", apiId, "--route-id", routeId)).GetProperty("RequestParameters");
        Assert.Equal(["route.request.header.x"], parameters.EnumerateObject().Select(p => p.Name).ToList());

        var integrationId = (await _aws.JsonAsync("create-integration", "--api-id", apiId, "--integration-type", "MOCK")).GetProperty("IntegrationId").GetString()!;
        var integrationResponse = await _aws.JsonAsync("create-integration-response", "--api-id", apiId, "--integration-id", integrationId,
            "--integration-response-key", "$default", "--response-templates", """{"application/json":"{\"ok\":true}"}""");
        Assert.Equal(["IntegrationResponseId", "IntegrationResponseKey", "ResponseTemplates"], Members(integrationResponse));
        var integrationResponseId = integrationResponse.GetProperty("IntegrationResponseId").GetString()!;
        Assert.Equal("""{"ok":true}""", (await _aws.JsonAsync("get-integration-response", "--api-id", apiId, "--integration-id", integrationId,
            "--integration-response-id", integrationResponseId)).GetProperty("ResponseTemplates").GetProperty("application/json").GetString());
        await _aws.JsonAsync("update-integration-response", "--api-id", apiId, "--integration-id", integrationId, "--integration-response-id", integrationResponseId,
            "--integration-response-key", "/200/");
        Assert.Equal("/200/", Single(await _aws.JsonAsync("get-integration-responses", "--api-id", apiId, "--integration-id", integrationId))
            .GetProperty("IntegrationResponseKey").GetString());
        await _aws.OkAsync("delete-integration-response", "--api-id", apiId, "--integration-id", integrationId, "--integration-response-id", integrationResponseId);
        Assert.Empty((await _aws.JsonAsync("get-integration-responses", "--api-id", apiId, "--integration-id", integrationId)).GetProperty("Items").EnumerateArray());

        var httpApiId = await CreateApiAsync("http-no-responses");
        var httpRouteId = (await _aws.JsonAsync("create-route", "--api-id", httpApiId, "--route-key", "GET /x")).GetProperty("RouteId").GetString()!;
        var refused = await _aws.RunAsync("create-route-response", "--api-id", httpApiId, "--route-id", httpRouteId, "--route-response-key", "$default");
        Assert.Contains("(BadRequestException) when calling the CreateRouteResponse operation", refused.Stderr);
    }

    private async Task<string> CreateApiAsync(string name) =>
        (await _aws.JsonAsync("create-api", "--name", name, "--protocol-type", "HTTP")).GetProperty("ApiId").GetString()!;

    private static List<string> Members(JsonElement json) => [.. json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static Dictionary<string, string> Tags(JsonElement tags) => tags.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    private static JsonElement Single(JsonElement page) => Assert.Single(page.GetProperty("Items").EnumerateArray().ToList());
}
