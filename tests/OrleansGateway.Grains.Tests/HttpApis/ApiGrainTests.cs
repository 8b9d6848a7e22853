using OrleansGateway.Errors;
using OrleansGateway.HttpApis;

namespace OrleansGateway.Grains.Tests.HttpApis;

public sealed class ApiGrainTests(GatewayClusterFixture fixture) : IClassFixture<GatewayClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task QuickCreate_MakesProxyIntegrationRouteAndAutoDeployedDefaultStage()
    {
        var api = await CreateApi(new ApiInput { Name = "quick", ProtocolType = "HTTP", Target = "http://backend.example/base", RouteKey = "GET /pets" });
        var grain = _grains.GetGrain<IApiGrain>(api.ApiId);

        Assert.Matches("^[a-z0-9]{10}$", api.ApiId);
        var integration = Assert.Single(await grain.GetIntegrations());
        Assert.Equal(("HTTP_PROXY", "1.0", "ANY", 30_000), (integration.IntegrationType, integration.PayloadFormatVersion, integration.IntegrationMethod, integration.TimeoutInMillis));
        Assert.Matches("^[a-z0-9]{7}$", integration.IntegrationId);
        var route = Assert.Single(await grain.GetRoutes());
        Assert.Equal(("GET /pets", "integrations/" + integration.IntegrationId), (route.RouteKey, route.Target));

        var runtime = await _grains.GetGrain<IStageGrain>($"{api.ApiId}/$default").GetRuntime();
        Assert.NotNull(runtime);
        Assert.True(runtime.Stage.AutoDeploy);
        Assert.NotNull(runtime.Deployment);
        Assert.True(runtime.Deployment.Deployment.AutoDeployed);
        Assert.Matches("^[a-z0-9]{6}$", runtime.Deployment.Deployment.DeploymentId);
        Assert.Equal("GET /pets", Assert.Single(runtime.Deployment.Routes).RouteKey);
        Assert.Equal(["$default"], (await grain.GetRuntimeSummary())!.StageNames);
    }

    [Fact]
    public async Task UpdateApi_WithTarget_ChangesTheQuickCreatedIntegrationAndRedeploys()
    {
        var created = await CreateApi(new ApiInput { Name = "retarget", ProtocolType = "HTTP", Target = "http://old.example" });
        var api = _grains.GetGrain<IApiGrain>(created.ApiId);
        var stage = _grains.GetGrain<IStageGrain>($"{created.ApiId}/$default");
        var before = (await stage.GetRuntime())!;

        await api.UpdateApi(new ApiInput { Target = "http://new.example", RouteKey = "POST /orders" });

        var after = (await stage.GetRuntime())!;
        Assert.Equal("http://new.example", Assert.Single(after.Deployment!.Integrations).IntegrationUri);
        Assert.Equal("POST /orders", Assert.Single(after.Deployment.Routes).RouteKey);
        Assert.True(after.Version > before.Version);
        var refused = await Assert.ThrowsAsync<ApiGatewayException>(() => api.UpdateApi(new ApiInput { Target = "http://newer.example", RouteKey = "BAD" }));
        Assert.Equal("BadRequestException", refused.ErrorType);
        Assert.Equal("http://new.example", Assert.Single(await api.GetIntegrations()).IntegrationUri);
        var (plain, _) = await CreateApiWithIntegration();
        var error = await Assert.ThrowsAsync<ApiGatewayException>(() => plain.UpdateApi(new ApiInput { Target = "http://new.example" }));
        Assert.Equal("BadRequestException", error.ErrorType);
    }

    [Fact]
    public async Task RouteChange_AutoDeploysStagesWithAutoDeployOnly()
    {
        var (api, integrationId) = await CreateApiWithIntegration();
        await api.CreateRoute(new RouteInput { RouteKey = "GET /a", Target = "integrations/" + integrationId });
        await api.CreateStage(new StageInput { StageName = "auto", AutoDeploy = true });
        await api.CreateStage(new StageInput { StageName = "manual" });
        var auto = _grains.GetGrain<IStageGrain>($"{api.GetPrimaryKeyString()}/auto");
        var manual = _grains.GetGrain<IStageGrain>($"{api.GetPrimaryKeyString()}/manual");
        var before = (await auto.GetRuntime())!;
        var manualBefore = (await manual.GetRuntime())!;

        await api.CreateRoute(new RouteInput { RouteKey = "POST /b", Target = "integrations/" + integrationId });

        var after = (await auto.GetRuntime())!;
        Assert.True(after.Version > before.Version);
        Assert.NotEqual(before.Deployment!.Deployment.DeploymentId, after.Deployment!.Deployment.DeploymentId);
        Assert.Equal(["GET /a", "POST /b"], after.Deployment.Routes.Select(r => r.RouteKey).Order());
        Assert.Equivalent(manualBefore, await manual.GetRuntime(), strict: true);
        Assert.Null(manualBefore.Deployment);
    }

    [Fact]
    public async Task CreateDeployment_WithStageName_ServesIt_AndUpdateStageRollsBack()
    {
        var (api, integrationId) = await CreateApiWithIntegration();
        await api.CreateRoute(new RouteInput { RouteKey = "GET /v1", Target = "integrations/" + integrationId });
        await api.CreateStage(new StageInput { StageName = "prod", StageVariables = new() { ["host"] = "a" } });
        var first = await api.CreateDeployment(new DeploymentInput { StageName = "prod", Description = "first" });
        await api.CreateRoute(new RouteInput { RouteKey = "GET /v2", Target = "integrations/" + integrationId });
        var second = await api.CreateDeployment(new DeploymentInput { StageName = "prod" });
        var stage = _grains.GetGrain<IStageGrain>($"{api.GetPrimaryKeyString()}/prod");
        Assert.Equal(2, (await stage.GetRuntime())!.Deployment!.Routes.Count);

        var rolledBack = await api.UpdateStage("prod", new StageInput { DeploymentId = first.DeploymentId });

        Assert.Equal(first.DeploymentId, rolledBack.DeploymentId);
        Assert.Equal(new Dictionary<string, string> { ["host"] = "a" }, rolledBack.StageVariables);
        var runtime = (await stage.GetRuntime())!;
        Assert.Equal("GET /v1", Assert.Single(runtime.Deployment!.Routes).RouteKey);
        Assert.Equal([second.DeploymentId, first.DeploymentId], (await api.GetDeployments()).Select(d => d.DeploymentId).Where(id => id == first.DeploymentId || id == second.DeploymentId).OrderBy(id => id == first.DeploymentId));
    }

    [Fact]
    public async Task CreateDeployment_WithoutRoutes_IsBadRequestInAwsWords()
    {
        var (api, _) = await CreateApiWithIntegration();
        var error = await Assert.ThrowsAsync<ApiGatewayException>(() => api.CreateDeployment(new DeploymentInput()));
        Assert.Equal(("BadRequestException", 400), (error.ErrorType, error.StatusCode));
        Assert.Equal("Unable to deploy API because no routes exist in this API", error.Message);
    }

    [Fact]
    public async Task UnknownApi_IsNotFoundInAwsWords()
    {
        var error = await Assert.ThrowsAsync<ApiGatewayException>(() => _grains.GetGrain<IApiGrain>("nosuchapi1").GetApi());
        Assert.Equal(("NotFoundException", 404), (error.ErrorType, error.StatusCode));
        Assert.Equal("Invalid API identifier specified 000000000000:nosuchapi1", error.Message);
        Assert.Null(await _grains.GetGrain<IApiGrain>("nosuchapi1").GetRuntimeSummary());
    }

    [Fact]
    public async Task DuplicateRouteKey_IsConflict_AndDeletingAnIntegrationInUse_IsRefused()
    {
        var (api, integrationId) = await CreateApiWithIntegration();
        await api.CreateRoute(new RouteInput { RouteKey = "GET /x", Target = "integrations/" + integrationId });

        var duplicate = await Assert.ThrowsAsync<ApiGatewayException>(() => api.CreateRoute(new RouteInput { RouteKey = "GET /x" }));
        Assert.Equal("ConflictException", duplicate.ErrorType);
        var badKey = await Assert.ThrowsAsync<ApiGatewayException>(() => api.CreateRoute(new RouteInput { RouteKey = "FETCH x" }));
        Assert.Equal("BadRequestException", badKey.ErrorType);
        var inUse = await Assert.ThrowsAsync<ApiGatewayException>(() => api.DeleteIntegration(integrationId));
        Assert.Equal("ConflictException", inUse.ErrorType);
    }

    [Fact]
    public async Task StageNames_AreLettersDigitsHyphensUnderscoresOrDefault()
    {
        var (api, _) = await CreateApiWithIntegration();

        var error = await Assert.ThrowsAsync<ApiGatewayException>(() => api.CreateStage(new StageInput { StageName = "a/b" }));

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Equal("$default", (await api.CreateStage(new StageInput { StageName = "$default" })).StageName);
        Assert.Equal("dev_1-x", (await api.CreateStage(new StageInput { StageName = "dev_1-x" })).StageName);
    }

    [Fact]
    public async Task UpdateApi_ChangesOnlyGivenMembers()
    {
        var (api, _) = await CreateApiWithIntegration();
        await api.UpdateApi(new ApiInput { Description = "first", Version = "1" });

        var updated = await api.UpdateApi(new ApiInput { Version = "2", CorsConfiguration = new CorsConfiguration { AllowOrigins = ["https://a.example"] } });

        Assert.Equal(("first", "2", "with-integration"), (updated.Description, updated.Version, updated.Name));
        Assert.Equal(["https://a.example"], updated.CorsConfiguration!.AllowOrigins!);
        await api.DeleteCorsConfiguration();
        Assert.Null((await api.GetApi()).CorsConfiguration);
    }

    [Fact]
    public async Task DeleteApi_RemovesItsStagesAndDeploymentsAndUnlistsIt()
    {
        var created = await CreateApi(new ApiInput { Name = "doomed", ProtocolType = "HTTP", Target = "http://backend.example" });
        var api = _grains.GetGrain<IApiGrain>(created.ApiId);
        var deploymentId = (await api.GetDeployments())[0].DeploymentId;
        Assert.Contains(created.ApiId, await _grains.GetGrain<IApiRegistryGrain>(0).GetApiIds());

        await api.Delete();

        Assert.DoesNotContain(created.ApiId, await _grains.GetGrain<IApiRegistryGrain>(0).GetApiIds());
        Assert.Null(await api.GetRuntimeSummary());
        Assert.Null(await _grains.GetGrain<IStageGrain>($"{created.ApiId}/$default").GetRuntime());
        Assert.Null(await _grains.GetGrain<IDeploymentGrain>($"{created.ApiId}/{deploymentId}").GetSnapshot());
    }

    [Fact]
    public async Task State_SurvivesDeactivation()
    {
        var created = await CreateApi(new ApiInput { Name = "durable", ProtocolType = "HTTP", Target = "http://backend.example" });
        var api = _grains.GetGrain<IApiGrain>(created.ApiId);
        var stage = _grains.GetGrain<IStageGrain>($"{created.ApiId}/$default");
        var runtime = await stage.GetRuntime();

        await fixture.Cluster.DeactivateAsync(api);
        await fixture.Cluster.DeactivateAsync(stage);

        Assert.Equivalent(created, await api.GetApi(), strict: true);
        var reloaded = await stage.GetRuntime();
        Assert.Equal(runtime!.Version, reloaded!.Version);
        Assert.Equal(runtime.Deployment!.Deployment, reloaded.Deployment!.Deployment);
    }

    [Fact]
    public async Task UpdateStage_DeploymentIdOfAnAutoDeployStage_IsRefused_UntilAutoDeployIsTurnedOff()
    {
        var (api, integrationId) = await CreateApiWithIntegration();
        await api.CreateRoute(new RouteInput { RouteKey = "GET /a", Target = "integrations/" + integrationId });
        var manual = await api.CreateDeployment(new DeploymentInput());
        var auto = await api.CreateStage(new StageInput { StageName = "auto", AutoDeploy = true });
        Assert.Equal($"Successfully deployed stage with deployment ID '{auto.DeploymentId}'", auto.LastDeploymentStatusMessage);

        var error = await Assert.ThrowsAsync<ApiGatewayException>(() => api.UpdateStage("auto", new StageInput { DeploymentId = manual.DeploymentId }));

        Assert.Equal(("BadRequestException", 400), (error.ErrorType, error.StatusCode));
        Assert.Equal(auto.DeploymentId, (await api.GetStage("auto")).DeploymentId);
        var pinned = await api.UpdateStage("auto", new StageInput { AutoDeploy = false, DeploymentId = manual.DeploymentId });
        Assert.Equal((manual.DeploymentId, false), (pinned.DeploymentId, pinned.AutoDeploy));
    }

    [Fact]
    public async Task Tags_MergeAndRemoveOnTheApiAndItsStagesSeparately()
    {
        var created = await CreateApi(new ApiInput { Name = "tagged", ProtocolType = "HTTP", Tags = new() { ["a"] = "1" } });
        var api = _grains.GetGrain<IApiGrain>(created.ApiId);
        await api.CreateStage(new StageInput { StageName = "dev", Tags = new() { ["s"] = "x" } });

        await api.TagResource(null, new() { ["a"] = "2", ["b"] = "3" });
        await api.UntagResource(null, ["b", "missing"]);
        await api.TagResource("dev", new() { ["t"] = "y" });

        Assert.Equal(new Dictionary<string, string> { ["a"] = "2" }, await api.GetTags(null));
        Assert.Equal(new Dictionary<string, string> { ["a"] = "2" }, (await api.GetApi()).Tags);
        Assert.Equal(new Dictionary<string, string> { ["s"] = "x", ["t"] = "y" }, (await api.GetStage("dev")).Tags);
        var error = await Assert.ThrowsAsync<ApiGatewayException>(() => api.GetTags("nope"));
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task Cors_WithCredentialsForAnyOrigin_OrAMaxAgeOverADay_IsBadRequest()
    {
        var credentials = await Assert.ThrowsAsync<ApiGatewayException>(() => CreateApi(new ApiInput
        {
            Name = "cors", ProtocolType = "HTTP", CorsConfiguration = new CorsConfiguration { AllowOrigins = ["*"], AllowCredentials = true },
        }));
        var created = await CreateApi(new ApiInput { Name = "cors", ProtocolType = "HTTP" });
        var maxAge = await Assert.ThrowsAsync<ApiGatewayException>(() => _grains.GetGrain<IApiGrain>(created.ApiId).UpdateApi(new ApiInput
        {
            CorsConfiguration = new CorsConfiguration { AllowOrigins = ["https://a.example"], MaxAge = 86401 },
        }));

        Assert.Equal((400, 400), (credentials.StatusCode, maxAge.StatusCode));
        Assert.Null((await _grains.GetGrain<IApiGrain>(created.ApiId).GetApi()).CorsConfiguration);
    }

    [Fact]
    public async Task LambdaProxyIntegration_OfAnHttpApi_NeedsPayloadFormat10Or20()
    {
        var created = await CreateApi(new ApiInput { Name = "lambda", ProtocolType = "HTTP" });
        var api = _grains.GetGrain<IApiGrain>(created.ApiId);
        const string function = "arn:aws:lambda:us-west-2:123456789012:function:f";

        var missing = await Assert.ThrowsAsync<ApiGatewayException>(() => api.CreateIntegration(new IntegrationInput { IntegrationType = "AWS_PROXY", IntegrationUri = function }));
        var wrong = await Assert.ThrowsAsync<ApiGatewayException>(() => api.CreateIntegration(new IntegrationInput { IntegrationType = "AWS_PROXY", IntegrationUri = function, PayloadFormatVersion = "3.0" }));
        var made = await api.CreateIntegration(new IntegrationInput { IntegrationType = "AWS_PROXY", IntegrationUri = function, PayloadFormatVersion = "1.0" });

        Assert.Equal((400, 400), (missing.StatusCode, wrong.StatusCode));
        Assert.Equal(("POST", "1.0"), (made.IntegrationMethod, made.PayloadFormatVersion));
    }

    private Task<ApiDefinition> CreateApi(ApiInput input) => _grains.GetGrain<IApiRegistryGrain>(0).CreateApi(input);

    private async Task<(IApiGrain Api, string IntegrationId)> CreateApiWithIntegration()
    {
        var created = await CreateApi(new ApiInput { Name = "with-integration", ProtocolType = "HTTP" });
        var api = _grains.GetGrain<IApiGrain>(created.ApiId);
        var integration = await api.CreateIntegration(new IntegrationInput
        {
            IntegrationType = "HTTP_PROXY",
            IntegrationMethod = "ANY",
            IntegrationUri = "http://backend.example/{proxy}",
        });
        return (api, integration.IntegrationId);
    }
}
