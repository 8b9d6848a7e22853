using OrleansGateway.Errors;
using OrleansGateway.HttpApis;
using OrleansGateway.RestApis;

namespace OrleansGateway.Grains.Tests.RestApis;

/// <summary>A REST API's grain: its tree, its whole-definition import and put, deployments and stages.</summary>
public sealed class RestApiGrainTests(GatewayClusterFixture fixture) : IClassFixture<GatewayClusterFixture>
{
    private IApiRegistryGrain Registry => fixture.Client.GetGrain<IApiRegistryGrain>(0);

    [Fact]
    public async Task CreatedRestApi_HasItsRootAndDefaultModels_AndIsRestInTheDirectory()
    {
        var api = await Registry.CreateRestApi(new RestApiInput { Name = "grain-create" });
        var grain = Api(api);

        var root = Assert.Single(await grain.GetResources());
        Assert.Equal(api.RootResourceId, root.Id);
        Assert.Equal("/", root.Path);
        Assert.Equal(["Empty", "Error"], (await grain.GetModels()).Select(m => m.Name));
        Assert.Equal(ProtocolTypes.Rest, (await Registry.GetDirectory()).Apis[api.Id]);
        await Assert.ThrowsAsync<ApiGatewayException>(() => fixture.Client.GetGrain<IApiGrain>(api.Id).GetApi());
    }

    [Fact]
    public async Task DeletedResource_TakesItsSubtree_AndAMovedOneRepathsItsChildren()
    {
        var api = await Registry.CreateRestApi(new RestApiInput { Name = "grain-tree" });
        var grain = Api(api);
        var pets = await grain.CreateResource(api.RootResourceId, "pets");
        var id = await grain.CreateResource(pets.Id, "{id}");
        var toys = await grain.CreateResource(id.Id, "toys");
        var other = await grain.CreateResource(api.RootResourceId, "other");

        await grain.UpdateResource(pets.Id, [new PatchOperation { Op = "replace", Path = "/pathPart", Value = "animals" }]);
        Assert.Equal("/animals/{id}/toys", (await grain.GetResource(toys.Id)).Path);

        await grain.DeleteResource(pets.Id);
        Assert.Equal(["/", "/other"], (await grain.GetResources()).Select(r => r.Path));
        var missing = await Assert.ThrowsAsync<ApiGatewayException>(() => grain.GetResource(toys.Id));
        Assert.Equal("Invalid Resource identifier specified", missing.Message);
        Assert.Equal(other.Id, (await grain.GetResource(other.Id)).Id);
    }

    [Fact]
    public async Task SecondVariableSibling_AndChildOfGreedy_AreRefusedWithAwsMessages()
    {
        var api = await Registry.CreateRestApi(new RestApiInput { Name = "grain-siblings" });
        var grain = Api(api);
        await grain.CreateResource(api.RootResourceId, "{id}");
        var sibling = await Assert.ThrowsAsync<ApiGatewayException>(() => grain.CreateResource(api.RootResourceId, "{name}"));
        Assert.Equal("A sibling ({id}) of this resource already has a variable path part -- only one is allowed", sibling.Message);

        var proxy = await grain.CreateResource((await grain.CreateResource(api.RootResourceId, "files")).Id, "{proxy+}");
        var child = await Assert.ThrowsAsync<ApiGatewayException>(() => grain.CreateResource(proxy.Id, "x"));
        Assert.Equal("Cannot create a child of a resource with a greedy path variable: {proxy+}", child.Message);

        var same = await Assert.ThrowsAsync<ApiGatewayException>(() => grain.CreateResource(api.RootResourceId, "files"));
        Assert.Equal("ConflictException", same.ErrorType);
    }

    [Fact]
    public async Task Deployment_IsFrozenIntoTheStageRuntime_AndStageVersionsAreNeverReused()
    {
        var api = await Registry.CreateRestApi(new RestApiInput { Name = "grain-deploy" });
        var grain = Api(api);
        await AddMockMethod(grain, api.RootResourceId, "GET");

        var first = await grain.CreateDeployment(new RestDeploymentInput { StageName = "prod", Variables = new() { ["v"] = "1" } });
        var stage = fixture.Client.GetGrain<IRestStageGrain>($"{api.Id}/prod");
        var runtime = await stage.GetRuntime();
        Assert.NotNull(runtime);
        Assert.Equal(first.Id, runtime.Deployment?.Deployment.Id);
        Assert.Equal("1", runtime.Stage.Variables?["v"]);
        Assert.Contains(runtime.Deployment!.Resources, r => r.ResourceMethods?.ContainsKey("GET") == true);

        // A method added after the deployment is not in what the stage serves.
        await AddMockMethod(grain, api.RootResourceId, "POST");
        Assert.False((await stage.GetRuntime())!.Deployment!.Resources.Single(r => r.Path == "/").ResourceMethods!.ContainsKey("POST"));

        var inUse = await Assert.ThrowsAsync<ApiGatewayException>(() => grain.DeleteDeployment(first.Id));
        Assert.Equal("Active stages pointing to this deployment must be moved or deleted", inUse.Message);

        var versionBefore = await stage.GetVersion();
        await grain.DeleteStage("prod");
        Assert.Null(await stage.GetRuntime());
        await grain.CreateStage(new RestStageInput { StageName = "prod", DeploymentId = first.Id });
        Assert.True(await stage.GetVersion() > versionBefore + 1);
    }

    [Fact]
    public async Task UpdateStage_SetsMethodSettingsAndVariables_AndRefusesUnknownDeployments()
    {
        var api = await Registry.CreateRestApi(new RestApiInput { Name = "grain-stage" });
        var grain = Api(api);
        var pets = await grain.CreateResource(api.RootResourceId, "pets");
        await AddMockMethod(grain, pets.Id, "GET");
        await grain.CreateDeployment(new RestDeploymentInput { StageName = "dev" });

        var stage = await grain.UpdateStage("dev",
        [
            new PatchOperation { Op = "replace", Path = "/*/*/throttling/rateLimit", Value = "42" },
            new PatchOperation { Op = "replace", Path = "/~1pets/GET/caching/enabled", Value = "true" },
            new PatchOperation { Op = "replace", Path = "/variables/color", Value = "blue" },
        ]);
        Assert.Equal(42.0, stage.MethodSettings!["*/*"].ThrottlingRateLimit);
        Assert.True(stage.MethodSettings["~1pets/GET"].CachingEnabled);
        Assert.Equal("blue", stage.Variables!["color"]);

        var unknown = await Assert.ThrowsAsync<ApiGatewayException>(() => grain.UpdateStage("dev", [new PatchOperation { Op = "replace", Path = "/deploymentId", Value = "nope00" }]));
        Assert.Equal("Deployment id does not exist", unknown.Message);
        Assert.Equal(stage.MethodSettings.Count, (await grain.GetStage("dev")).MethodSettings!.Count);
    }

    [Fact]
    public async Task Import_AssignsIdsByPath_AndPutContentOverwritesOrMerges_WithoutDeploying()
    {
        var content = new RestApiContent
        {
            Api = new RestApiDefinition { Id = string.Empty, Name = "imported", RootResourceId = string.Empty },
            Resources =
            [
                new RestResource { Id = "x", Path = "/pets/{id}", ResourceMethods = new() { ["GET"] = Mock("GET") } },
                new RestResource { Id = "y", Path = "/", ResourceMethods = new() { ["GET"] = Mock("GET") } },
            ],
            Models = [],
            RequestValidators = [new RestRequestValidator { Id = string.Empty, Name = "all", ValidateRequestBody = true }],
            GatewayResponses = [],
            Authorizers = [],
        };
        var api = await Registry.ImportRestApi(content);
        var grain = Api(api);
        var imported = await grain.GetContent();
        Assert.Equal(["/", "/pets", "/pets/{id}"], imported.Resources.Select(r => r.Path));
        Assert.Equal(api.RootResourceId, imported.Resources[0].Id);
        Assert.DoesNotContain(imported.Resources, r => r.Id is "x" or "y");
        Assert.Equal(imported.Resources[1].Id, imported.Resources[2].ParentId);
        Assert.Equal(imported.Resources[2].Id, imported.Resources[2].ResourceMethods!["GET"].MethodIntegration!.CacheNamespace);
        Assert.NotEmpty(Assert.Single(imported.RequestValidators).Id);
        Assert.Empty(imported.Models);

        await grain.PutContent(content with { Resources = [new RestResource { Id = string.Empty, Path = "/owners", ResourceMethods = new() { ["POST"] = Mock("POST") } }] }, "merge");
        var merged = await grain.GetContent();
        Assert.Equal(["/", "/owners", "/pets", "/pets/{id}"], merged.Resources.Select(r => r.Path));
        Assert.Equal(imported.Resources[2].Id, merged.Resources[3].Id);

        await grain.PutContent(content with { Resources = [new RestResource { Id = string.Empty, Path = "/owners" }] }, "overwrite");
        var overwritten = await grain.GetContent();
        Assert.Equal(["/", "/owners"], overwritten.Resources.Select(r => r.Path));
        Assert.Equal(api.RootResourceId, overwritten.Resources[0].Id);
        Assert.Empty(await grain.GetDeployments());
    }

    [Fact]
    public async Task UnsupportedPatch_IsRefusedWithAwsMessage_AndChangesNothing()
    {
        var api = await Registry.CreateRestApi(new RestApiInput { Name = "grain-patch" });
        var grain = Api(api);
        var validator = await grain.CreateRequestValidator(new RestRequestValidatorInput { Name = "v" });

        var op = await Assert.ThrowsAsync<ApiGatewayException>(() => grain.UpdateRequestValidator(validator.Id, [new PatchOperation { Op = "add", Path = "/name", Value = "w" }]));
        Assert.Equal("Invalid patch path  '/name' specified for op 'add'. Please choose supported operations", op.Message);
        var path = await Assert.ThrowsAsync<ApiGatewayException>(() => grain.UpdateRequestValidator(validator.Id, [new PatchOperation { Op = "replace", Path = "/bogus", Value = "w" }]));
        Assert.Equal("Invalid patch path  '/bogus' specified for op 'replace'. Must be one of: [/name, /validateRequestParameters, /validateRequestBody]", path.Message);

        var updated = await grain.UpdateRequestValidator(validator.Id, [new PatchOperation { Op = "replace", Path = "/validateRequestBody", Value = "true" }]);
        Assert.True(updated.ValidateRequestBody);
        Assert.Equal("v", updated.Name);
    }

    [Fact]
    public async Task CloneFrom_CopiesTheTreeUnderNewIds()
    {
        var source = await Registry.CreateRestApi(new RestApiInput { Name = "grain-source" });
        var pets = await Api(source).CreateResource(source.RootResourceId, "pets");
        await AddMockMethod(Api(source), pets.Id, "GET");

        var clone = await Registry.CreateRestApi(new RestApiInput { Name = "grain-clone", CloneFrom = source.Id });
        var resources = await Api(clone).GetResources();
        Assert.Equal(["/", "/pets"], resources.Select(r => r.Path));
        Assert.NotEqual(pets.Id, resources[1].Id);
        Assert.Equal("MOCK", resources[1].ResourceMethods!["GET"].MethodIntegration!.Type);
        Assert.Equal("grain-clone", (await Api(clone).Get()).Name);
    }

    [Fact]
    public async Task IntegrationUris_AndStageVariables_FollowAwsRules()
    {
        var api = await Registry.CreateRestApi(new RestApiInput { Name = "grain-rules" });
        var grain = Api(api);
        await grain.PutMethod(api.RootResourceId, "GET", new RestMethodInput { AuthorizationType = "NONE" });

        // A stage variable may stand for the host.
        var http = await grain.PutIntegration(api.RootResourceId, "GET", new RestIntegrationInput { Type = "HTTP", HttpMethod = "GET", Uri = "http://${stageVariables.host}/pets" });
        Assert.Equal("INTERNET", http.ConnectionType);
        var arn = await Assert.ThrowsAsync<ApiGatewayException>(() => grain.PutIntegration(api.RootResourceId, "GET",
            new RestIntegrationInput { Type = "AWS", HttpMethod = "POST", Uri = "arn:aws:apigateway:us-east-1:sqs:queue" }));
        Assert.Equal("AWS ARN for integration must contain path or action", arn.Message);

        var name = await Assert.ThrowsAsync<ApiGatewayException>(() => grain.CreateDeployment(new RestDeploymentInput { StageName = "v1", Variables = new() { ["bad-name"] = "x" } }));
        Assert.Equal("Stage variable names may only contain alphanumeric characters and underscores", name.Message);
        var value = await Assert.ThrowsAsync<ApiGatewayException>(() => grain.CreateDeployment(new RestDeploymentInput { StageName = "v1", Variables = new() { ["ok"] = "a b" } }));
        Assert.Equal("Stage variable values must match the regular expression [A-Za-z0-9-._~:/?#&=,]+", value.Message);
        Assert.Empty(await grain.GetDeployments());

        await grain.CreateDeployment(new RestDeploymentInput { StageName = "v-1_a" });
        Assert.Equal("v-1_a", (await grain.GetStage("v-1_a")).StageName);
    }

    private IRestApiGrain Api(RestApiDefinition api) => fixture.Client.GetGrain<IRestApiGrain>(api.Id);

    private static RestMethod Mock(string verb) => new()
    {
        HttpMethod = verb,
        AuthorizationType = "NONE",
        MethodIntegration = new RestIntegration { Type = "MOCK", TimeoutInMillis = 29000, PassthroughBehavior = "WHEN_NO_MATCH" },
    };

    private static async Task AddMockMethod(IRestApiGrain grain, string resourceId, string verb)
    {
        await grain.PutMethod(resourceId, verb, new RestMethodInput { AuthorizationType = "NONE" });
        await grain.PutIntegration(resourceId, verb, new RestIntegrationInput { Type = "MOCK" });
    }
}
