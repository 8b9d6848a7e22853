using Microsoft.Extensions.Logging.Abstractions;
using OrleansGateway.Errors;
using OrleansGateway.HttpApis;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Grains.Tests.WebSockets;

public sealed class WebSocketRouteTablesTests(GatewayClusterFixture fixture) : IClassFixture<GatewayClusterFixture>
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task Table_IsRecheckedAtMostOnceASecond_AndRecompiledWhenTheStageMoved()
    {
        var (api, integrationId) = await CreateWebSocketApiAsync();
        await api.CreateRoute(new RouteInput { RouteKey = "$default", Target = "integrations/" + integrationId });
        await api.CreateStage(new StageInput { StageName = "prod" });
        await api.CreateDeployment(new DeploymentInput { StageName = "prod" });
        var clock = new ManualClock();
        var tables = new WebSocketRouteTables(Grains, NullLogger<WebSocketRouteTables>.Instance, clock);
        var apiId = (await api.GetApi()).ApiId;

        var first = await tables.GetAsync(apiId, "prod");
        await api.CreateRoute(new RouteInput { RouteKey = "join", Target = "integrations/" + integrationId });
        await api.CreateDeployment(new DeploymentInput { StageName = "prod" });
        var withinTheSecond = await tables.GetAsync(apiId, "prod");
        clock.Advance(TimeSpan.FromSeconds(1));
        var after = await tables.GetAsync(apiId, "prod");
        clock.Advance(TimeSpan.FromSeconds(1));
        var unchanged = await tables.GetAsync(apiId, "prod");

        Assert.NotNull(first);
        Assert.Equal(["$default"], first.RouteKeys);
        Assert.Same(first, withinTheSecond);
        Assert.NotNull(after);
        Assert.True(after.Version > first.Version);
        Assert.Equal(["$default", "join"], after.RouteKeys.Order(StringComparer.Ordinal));
        Assert.Same(after, unchanged);
    }

    [Fact]
    public async Task UnknownAndDeletedStages_HaveNoEntry()
    {
        var (api, integrationId) = await CreateWebSocketApiAsync();
        await api.CreateRoute(new RouteInput { RouteKey = "$default", Target = "integrations/" + integrationId });
        await api.CreateStage(new StageInput { StageName = "gone" });
        var clock = new ManualClock();
        var tables = new WebSocketRouteTables(Grains, NullLogger<WebSocketRouteTables>.Instance, clock);
        var apiId = (await api.GetApi()).ApiId;

        Assert.Null(await tables.GetAsync(apiId, "never-created"));
        Assert.Equal(0, tables.Count);
        Assert.NotNull(await tables.GetAsync(apiId, "gone"));
        Assert.Equal(1, tables.Count);

        await api.DeleteStage("gone");
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await tables.GetAsync(apiId, "gone"));
        Assert.Equal(0, tables.Count);
    }

    [Fact]
    public async Task Deployments_CarryRouteAndIntegrationResponses_SoTwoWayRoutesAnswer()
    {
        var (api, integrationId) = await CreateWebSocketApiAsync();
        var route = await api.CreateRoute(new RouteInput { RouteKey = "$default", Target = "integrations/" + integrationId, RouteResponseSelectionExpression = "$default" });
        await api.CreateRouteResponse(route.RouteId, new RouteResponseInput { RouteResponseKey = "$default" });
        await api.CreateIntegrationResponse(integrationId, new IntegrationResponseInput
        {
            IntegrationResponseKey = "/2\\d\\d/",
            TemplateSelectionExpression = "\\$default",
            ResponseTemplates = new() { ["$default"] = """{"echo":"$context.routeKey"}""" },
        });
        await api.CreateStage(new StageInput { StageName = "prod" });
        await api.CreateDeployment(new DeploymentInput { StageName = "prod" });
        var apiId = (await api.GetApi()).ApiId;

        var runtime = (await Grains.GetGrain<IStageGrain>($"{apiId}/prod").GetRuntime())!;
        var table = (await new WebSocketRouteTables(Grains, NullLogger<WebSocketRouteTables>.Instance).GetAsync(apiId, "prod"))!;
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler());
        var outcome = await new WebSocketRouteDispatcher(invoker).DispatchAsync(table, new WebSocketRouteRequest
        {
            EventType = Mapping.Context.WebSocketEventType.Message,
            Connection = new ConnectionContext { ApiId = apiId, Stage = "prod", ConnectionId = "L0SM9cOFvHcCIhw=", EdgeId = 1, ConnectedAt = DateTimeOffset.UnixEpoch },
            Body = "{}",
            RequestId = "r1",
        }, CancellationToken.None);

        Assert.Equal("$default", Assert.Single(runtime.Deployment!.RouteResponses![route.RouteId]).RouteResponseKey);
        Assert.Equal("/2\\d\\d/", Assert.Single(runtime.Deployment.IntegrationResponses![integrationId]).IntegrationResponseKey);
        Assert.Equal("""{"echo":"$default"}""", System.Text.Encoding.UTF8.GetString(outcome.Reply!));
    }

    [Theory]
    [InlineData("AWS_PROXY")]
    [InlineData("AWS")]
    public async Task LambdaAndAwsIntegrations_AreRefusedOnWebSocketApis_ButNotOnHttpApis(string type)
    {
        var (api, integrationId) = await CreateWebSocketApiAsync();
        var input = new IntegrationInput { IntegrationType = type, IntegrationUri = "arn:aws:lambda:us-east-1:000000000000:function:f", PayloadFormatVersion = "2.0" };

        var created = await Assert.ThrowsAsync<ApiGatewayException>(() => api.CreateIntegration(input));
        var updated = await Assert.ThrowsAsync<ApiGatewayException>(() => api.UpdateIntegration(integrationId, new IntegrationInput { IntegrationType = type }));
        var http = await Grains.GetGrain<IApiRegistryGrain>(0).CreateApi(new ApiInput { Name = "http-lambda", ProtocolType = ProtocolTypes.Http });

        Assert.Equal("BadRequestException", created.ErrorType);
        Assert.Contains("use HTTP, HTTP_PROXY or MOCK", created.Message, StringComparison.Ordinal);
        Assert.Equal("BadRequestException", updated.ErrorType);
        if (type == "AWS_PROXY")
        {
            Assert.Equal("AWS_PROXY", (await Grains.GetGrain<IApiGrain>(http.ApiId).CreateIntegration(input)).IntegrationType);
        }
    }

    [Fact]
    public async Task WebSocketMappingsAndResponseKeys_TheDispatcherCannotUse_AreRefused()
    {
        var (api, integrationId) = await CreateWebSocketApiAsync();

        var mapping = await Assert.ThrowsAsync<ApiGatewayException>(() => api.UpdateIntegration(integrationId, new IntegrationInput
        {
            RequestParameters = new() { ["integration.request.header.x"] = "method.request.header.x" },
        }));
        var key = await Assert.ThrowsAsync<ApiGatewayException>(() => api.CreateIntegrationResponse(integrationId, new IntegrationResponseInput { IntegrationResponseKey = "200" }));
        var accepted = await api.UpdateIntegration(integrationId, new IntegrationInput
        {
            RequestParameters = new() { ["integration.request.header.x"] = "route.request.header.x" },
        });

        Assert.Equal(("BadRequestException", "Invalid mapping expression specified: method.request.header.x"), (mapping.ErrorType, mapping.Message));
        Assert.Equal("BadRequestException", key.ErrorType);
        Assert.Equal("route.request.header.x", accepted.RequestParameters!["integration.request.header.x"]);
    }

    private async Task<(IApiGrain Api, string IntegrationId)> CreateWebSocketApiAsync()
    {
        var created = await Grains.GetGrain<IApiRegistryGrain>(0).CreateApi(new ApiInput
        {
            Name = "ws-tables",
            ProtocolType = ProtocolTypes.WebSocket,
            RouteSelectionExpression = "$request.body.action",
        });
        var api = Grains.GetGrain<IApiGrain>(created.ApiId);
        var integration = await api.CreateIntegration(new IntegrationInput
        {
            IntegrationType = "MOCK",
            TemplateSelectionExpression = "\\$default",
            RequestTemplates = new() { ["$default"] = """{"statusCode": 200}""" },
        });
        return (api, integration.IntegrationId);
    }
}
