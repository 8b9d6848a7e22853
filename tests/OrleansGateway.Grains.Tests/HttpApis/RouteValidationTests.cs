using OrleansGateway.Errors;
using OrleansGateway.HttpApis;

namespace OrleansGateway.Grains.Tests.HttpApis;

/// <summary>
/// The control plane refuses what the edge could not compile: route keys, integration methods and
/// parameter mappings are checked with the edge's own parsers, so nothing is stored to be skipped later.
/// </summary>
public sealed class RouteValidationTests(GatewayClusterFixture fixture) : IClassFixture<GatewayClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Theory]
    [InlineData("GET /{p+}/x", "Invalid route key: GET /{p+}/x. A greedy path variable such as {p+} must be the last part of the path.")]
    [InlineData("GET /a/{id}/b/{id}", "Invalid route key: GET /a/{id}/b/{id}. The path variable {id} appears more than once.")]
    [InlineData("FETCH /a", "Invalid HTTP method specified in route key FETCH /a: FETCH. Must be one of [ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT]")]
    [InlineData("GET /a//b", @"One or more path parts appear to be invalid. Parts are validated against this regular expression: ^(\{[\w.:-]+\+?\}|[a-zA-Z0-9.:_-]+)$")]
    public async Task RouteKeysTheEdgeWouldSkip_AreBadRequest_AtCreateUpdateAndQuickCreate(string routeKey, string message)
    {
        var (api, integrationId) = await CreateApiWithIntegration();
        var created = await Assert.ThrowsAsync<ApiGatewayException>(() => api.CreateRoute(new RouteInput { RouteKey = routeKey, Target = "integrations/" + integrationId }));
        var route = await api.CreateRoute(new RouteInput { RouteKey = "GET /ok", Target = "integrations/" + integrationId });
        var updated = await Assert.ThrowsAsync<ApiGatewayException>(() => api.UpdateRoute(route.RouteId, new RouteInput { RouteKey = routeKey }));
        var quick = await Assert.ThrowsAsync<ApiGatewayException>(() =>
            _grains.GetGrain<IApiRegistryGrain>(0).CreateApi(new ApiInput { Name = "quick", ProtocolType = "HTTP", Target = "http://backend.example", RouteKey = routeKey }));

        foreach (var error in new[] { created, updated, quick })
        {
            Assert.Equal(("BadRequestException", 400, message), (error.ErrorType, error.StatusCode, error.Message));
        }

        Assert.Equal(["GET /ok"], (await api.GetRoutes()).Select(r => r.RouteKey));
    }

    [Fact]
    public async Task RouteKeysDifferingOnlyInVariableNames_AreConflict()
    {
        var (api, integrationId) = await CreateApiWithIntegration();
        await api.CreateRoute(new RouteInput { RouteKey = "GET /pets/{id}", Target = "integrations/" + integrationId });
        var other = await api.CreateRoute(new RouteInput { RouteKey = "POST /pets/{name}", Target = "integrations/" + integrationId });

        var created = await Assert.ThrowsAsync<ApiGatewayException>(() => api.CreateRoute(new RouteInput { RouteKey = "GET /pets/{name}" }));
        var updated = await Assert.ThrowsAsync<ApiGatewayException>(() => api.UpdateRoute(other.RouteId, new RouteInput { RouteKey = "GET /pets/{petId}" }));

        Assert.Equal(("ConflictException", "ConflictException"), (created.ErrorType, updated.ErrorType));
        await api.UpdateRoute(other.RouteId, new RouteInput { RouteKey = "POST /pets/{petId}" });
    }

    [Fact]
    public async Task WebSocketRouteKeys_StayFreeForm()
    {
        var created = await _grains.GetGrain<IApiRegistryGrain>(0).CreateApi(new ApiInput
        {
            Name = "ws", ProtocolType = "WEBSOCKET", RouteSelectionExpression = "$request.body.action",
        });
        var route = await _grains.GetGrain<IApiGrain>(created.ApiId).CreateRoute(new RouteInput { RouteKey = "send message/{now}" });
        Assert.Equal("send message/{now}", route.RouteKey);
    }

    [Fact]
    public async Task IntegrationMethodsAndMappingsTheEdgeWouldDrop_AreBadRequest()
    {
        var (api, integrationId) = await CreateApiWithIntegration();

        var method = await Assert.ThrowsAsync<ApiGatewayException>(() => api.CreateIntegration(new IntegrationInput
        {
            IntegrationType = "HTTP_PROXY", IntegrationMethod = "GE T", IntegrationUri = "http://backend.example",
        }));
        var mapping = await Assert.ThrowsAsync<ApiGatewayException>(() => api.UpdateIntegration(integrationId, new IntegrationInput
        {
            RequestParameters = new() { ["overwrite:header.x-amzn-trace-id"] = "x" },
        }));
        var response = await Assert.ThrowsAsync<ApiGatewayException>(() => api.UpdateIntegration(integrationId, new IntegrationInput
        {
            ResponseParameters = new() { ["600"] = new() { ["overwrite:statuscode"] = "200" } },
        }));

        Assert.Equal(
            ("BadRequestException", "Invalid integration method specified: GE T. Must be one of [ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT]"),
            (method.ErrorType, method.Message));
        Assert.Equal(
            ("BadRequestException", "Invalid mapping expression specified: Validation Result: warnings : [], errors : [Operations on header x-amzn-trace-id are restricted]"),
            (mapping.ErrorType, mapping.Message));
        Assert.Equal("BadRequestException", response.ErrorType);
        var stored = (await api.GetIntegrations()).Single(i => i.IntegrationId == integrationId);
        Assert.Null(stored.RequestParameters);
        Assert.Null(stored.ResponseParameters);
    }

    [Fact]
    public async Task CorsHeadersThatCannotBeWritten_AreBadRequest()
    {
        var (api, _) = await CreateApiWithIntegration();
        var error = await Assert.ThrowsAsync<ApiGatewayException>(() => api.UpdateApi(new ApiInput
        {
            CorsConfiguration = new CorsConfiguration { AllowOrigins = ["https://example.com"], AllowHeaders = ["x-ok", "x-bad\r\nset-cookie: a=b"] },
        }));

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.StartsWith("Invalid CORS configuration: allowHeaders holds", error.Message);
        Assert.Null((await api.GetApi()).CorsConfiguration);
    }

    private async Task<(IApiGrain Api, string IntegrationId)> CreateApiWithIntegration()
    {
        var created = await _grains.GetGrain<IApiRegistryGrain>(0).CreateApi(new ApiInput { Name = "validated", ProtocolType = "HTTP" });
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
