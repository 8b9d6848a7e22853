using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane.RestApis;

/// <summary>A REST API built by hand through <c>aws apigateway</c>, as the README's walk-through does it, with AWS's errors on the way.</summary>
public sealed class RestApiCliTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    private readonly ApiGatewayCli _cli = new(fixture.Edge.AdminUrl);

    [Fact]
    public async Task BuildByHand_CreatesTheTreeDeploysItAndPatchesTheStage()
    {
        var api = await _cli.JsonAsync("create-rest-api", "--name", "cli-pets", "--binary-media-types", "image/png");
        var apiId = api.GetProperty("id").GetString()!;
        var rootId = api.GetProperty("rootResourceId").GetString()!;
        Assert.Equal("HEADER", api.GetProperty("apiKeySource").GetString());
        Assert.Equal("EDGE", api.GetProperty("endpointConfiguration").GetProperty("types")[0].GetString());

        var root = Assert.Single((await _cli.JsonAsync("get-resources", "--rest-api-id", apiId)).GetProperty("items").EnumerateArray());
        Assert.Equal("/", root.GetProperty("path").GetString());

        var pets = await _cli.JsonAsync("create-resource", "--rest-api-id", apiId, "--parent-id", rootId, "--path-part", "pets");
        var petsId = pets.GetProperty("id").GetString()!;
        Assert.Equal("/pets", pets.GetProperty("path").GetString());
        var pet = await _cli.JsonAsync("create-resource", "--rest-api-id", apiId, "--parent-id", petsId, "--path-part", "{petId}");
        Assert.Equal("/pets/{petId}", pet.GetProperty("path").GetString());

        var method = await _cli.JsonAsync("put-method", "--rest-api-id", apiId, "--resource-id", petsId, "--http-method", "GET",
            "--authorization-type", "NONE", "--request-parameters", "method.request.querystring.type=false");
        Assert.False(method.GetProperty("apiKeyRequired").GetBoolean());
        var integration = await _cli.JsonAsync("put-integration", "--rest-api-id", apiId, "--resource-id", petsId, "--http-method", "GET",
            "--type", "HTTP", "--integration-http-method", "GET", "--uri", fixture.Backend.Url + "/pets");
        Assert.Equal(29000, integration.GetProperty("timeoutInMillis").GetInt32());
        Assert.Equal("WHEN_NO_MATCH", integration.GetProperty("passthroughBehavior").GetString());
        Assert.Equal(petsId, integration.GetProperty("cacheNamespace").GetString());
        await _cli.JsonAsync("put-method-response", "--rest-api-id", apiId, "--resource-id", petsId, "--http-method", "GET", "--status-code", "200");
        await _cli.JsonAsync("put-integration-response", "--rest-api-id", apiId, "--resource-id", petsId, "--http-method", "GET",
            "--status-code", "200", "--selection-pattern", "");

        var deployment = await _cli.JsonAsync("create-deployment", "--rest-api-id", apiId, "--stage-name", "prod", "--variables", "color=blue");
        var deploymentId = deployment.GetProperty("id").GetString()!;
        var stage = await _cli.JsonAsync("get-stage", "--rest-api-id", apiId, "--stage-name", "prod");
        Assert.Equal(deploymentId, stage.GetProperty("deploymentId").GetString());
        Assert.Equal("blue", stage.GetProperty("variables").GetProperty("color").GetString());
        Assert.Equal("NOT_AVAILABLE", stage.GetProperty("cacheClusterStatus").GetString());

        var patched = await _cli.JsonAsync("update-stage", "--rest-api-id", apiId, "--stage-name", "prod", "--patch-operations",
            "op=replace,path=/variables/color,value=green", "op=replace,path=/*/*/throttling/rateLimit,value=100",
            "op=replace,path=/~1pets/GET/caching/enabled,value=true", "op=replace,path=/description,value=live");
        Assert.Equal("green", patched.GetProperty("variables").GetProperty("color").GetString());
        Assert.Equal(100.0, patched.GetProperty("methodSettings").GetProperty("*/*").GetProperty("throttlingRateLimit").GetDouble());
        Assert.True(patched.GetProperty("methodSettings").GetProperty("~1pets/GET").GetProperty("cachingEnabled").GetBoolean());
        Assert.Equal("live", patched.GetProperty("description").GetString());

        var embedded = await _cli.JsonAsync("get-resources", "--rest-api-id", apiId, "--embed", "methods");
        var listedPets = embedded.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("path").GetString() == "/pets");
        Assert.Equal("HTTP", listedPets.GetProperty("resourceMethods").GetProperty("GET").GetProperty("methodIntegration").GetProperty("type").GetString());

        Assert.Contains("Active stages pointing to this deployment must be moved or deleted",
            await _cli.ErrorAsync("delete-deployment", "--rest-api-id", apiId, "--deployment-id", deploymentId));
        await _cli.OkAsync("delete-stage", "--rest-api-id", apiId, "--stage-name", "prod");
        await _cli.OkAsync("delete-deployment", "--rest-api-id", apiId, "--deployment-id", deploymentId);
        await _cli.OkAsync("delete-resource", "--rest-api-id", apiId, "--resource-id", petsId);
        Assert.Single((await _cli.JsonAsync("get-resources", "--rest-api-id", apiId)).GetProperty("items").EnumerateArray());
        await _cli.OkAsync("delete-rest-api", "--rest-api-id", apiId);
        Assert.Contains("(NotFoundException) when calling the GetRestApi operation: Invalid API identifier specified",
            await _cli.ErrorAsync("get-rest-api", "--rest-api-id", apiId));
    }

    [Fact]
    public async Task UnknownIds_AreAnsweredWithAwsErrors()
    {
        var api = await _cli.JsonAsync("create-rest-api", "--name", "cli-errors");
        var apiId = api.GetProperty("id").GetString()!;
        var rootId = api.GetProperty("rootResourceId").GetString()!;

        Assert.Contains("(NotFoundException) when calling the GetResources operation: Invalid API identifier specified 000000000000:nope000000",
            await _cli.ErrorAsync("get-resources", "--rest-api-id", "nope000000"));
        Assert.Contains("(NotFoundException) when calling the CreateResource operation: Invalid Resource identifier specified",
            await _cli.ErrorAsync("create-resource", "--rest-api-id", apiId, "--parent-id", "nope00", "--path-part", "x"));
        Assert.Contains("(NotFoundException) when calling the GetMethod operation: Invalid Method identifier specified",
            await _cli.ErrorAsync("get-method", "--rest-api-id", apiId, "--resource-id", rootId, "--http-method", "GET"));
        await _cli.JsonAsync("put-method", "--rest-api-id", apiId, "--resource-id", rootId, "--http-method", "GET", "--authorization-type", "NONE");
        Assert.Contains("(ConflictException) when calling the PutMethod operation: Method already exists for this resource",
            await _cli.ErrorAsync("put-method", "--rest-api-id", apiId, "--resource-id", rootId, "--http-method", "GET", "--authorization-type", "NONE"));
        Assert.Contains("(NotFoundException) when calling the GetIntegration operation: Invalid Integration identifier specified",
            await _cli.ErrorAsync("get-integration", "--rest-api-id", apiId, "--resource-id", rootId, "--http-method", "GET"));
        Assert.Contains("(BadRequestException) when calling the CreateDeployment operation: No integration defined for method",
            await _cli.ErrorAsync("create-deployment", "--rest-api-id", apiId, "--stage-name", "x"));
        Assert.Contains("(BadRequestException) when calling the PutIntegration operation: Invalid HTTP endpoint specified for URI",
            await _cli.ErrorAsync("put-integration", "--rest-api-id", apiId, "--resource-id", rootId, "--http-method", "GET", "--type", "HTTP", "--integration-http-method", "GET"));
        Assert.Contains("(BadRequestException) when calling the PutIntegration operation: Timeout should be between 50 ms and 29000 ms",
            await _cli.ErrorAsync("put-integration", "--rest-api-id", apiId, "--resource-id", rootId, "--http-method", "GET", "--type", "MOCK", "--timeout-in-millis", "30000"));
        Assert.Contains("(NotFoundException) when calling the GetStage operation: Invalid stage identifier specified",
            await _cli.ErrorAsync("get-stage", "--rest-api-id", apiId, "--stage-name", "none"));
        Assert.Contains("(BadRequestException) when calling the UpdateResource operation: Invalid patch path  '/name' specified for op 'replace'. Must be one of: [/parentId, /pathPart]",
            await _cli.ErrorAsync("update-resource", "--rest-api-id", apiId, "--resource-id",
                (await _cli.JsonAsync("create-resource", "--rest-api-id", apiId, "--parent-id", rootId, "--path-part", "a")).GetProperty("id").GetString()!,
                "--patch-operations", "op=replace,path=/name,value=b"));
        Assert.Contains("(BadRequestException) when calling the GetRestApis operation: 1 validation error detected: Value '501' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 500",
            await _cli.ErrorAsync("get-rest-apis", "--limit", "501"));
    }

    [Fact]
    public async Task ListsArePaged_AndRestAndHttpApisAreListedApart()
    {
        var first = (await _cli.JsonAsync("create-rest-api", "--name", "cli-page-1")).GetProperty("id").GetString()!;
        var second = (await _cli.JsonAsync("create-rest-api", "--name", "cli-page-2")).GetProperty("id").GetString()!;
        var http = (await AwsCli.RunAsync(fixture.Edge.AdminUrl, "apigatewayv2", "create-api", "--name", "cli-http", "--protocol-type", "HTTP")).Json().GetProperty("ApiId").GetString()!;

        // --page-size makes the CLI follow position from page to page.
        var all = await _cli.JsonAsync("get-rest-apis", "--page-size", "1");
        var ids = all.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Contains(first, ids);
        Assert.Contains(second, ids);
        Assert.DoesNotContain(http, ids);

        var page = await _cli.JsonAsync("get-rest-apis", "--max-items", "1");
        Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.True(page.TryGetProperty("NextToken", out _));

        var v2 = (await AwsCli.RunAsync(fixture.Edge.AdminUrl, "apigatewayv2", "get-apis")).Json().GetProperty("Items").EnumerateArray().Select(a => a.GetProperty("ApiId").GetString());
        Assert.DoesNotContain(first, v2);
        Assert.Contains("(NotFoundException)", await new ApiGatewayCli(fixture.Edge.AdminUrl).ErrorAsync("get-rest-api", "--rest-api-id", http));
    }
}
