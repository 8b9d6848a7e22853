using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>Sets up WebSocket APIs on a running edge with the real AWS CLI, as a user would.</summary>
internal sealed class WebSocketApiCli(EdgeHost edge)
{
    public async Task<string> CreateApiAsync(string routeSelectionExpression = "$request.body.action", params string[] extra)
    {
        var api = await RunAsync(["create-api", "--name", "ws-test", "--protocol-type", "WEBSOCKET", "--route-selection-expression", routeSelectionExpression, .. extra]);
        return api.GetProperty("ApiId").GetString()!;
    }

    public async Task<string> CreateIntegrationAsync(string apiId, string type, string? uri = null, params string[] extra)
    {
        string[] target = uri is null ? [] : ["--integration-uri", uri, "--integration-method", "POST"];
        var integration = await RunAsync(["create-integration", "--api-id", apiId, "--integration-type", type, .. target, .. extra]);
        return integration.GetProperty("IntegrationId").GetString()!;
    }

    public async Task<string> CreateRouteAsync(string apiId, string routeKey, string integrationId, params string[] extra)
    {
        var route = await RunAsync(["create-route", "--api-id", apiId, "--route-key", routeKey, "--target", "integrations/" + integrationId, .. extra]);
        return route.GetProperty("RouteId").GetString()!;
    }

    /// <summary>Makes the route two-way: its integration's answer goes back on the socket.</summary>
    public Task CreateRouteResponseAsync(string apiId, string routeId) =>
        RunAsync(["create-route-response", "--api-id", apiId, "--route-id", routeId, "--route-response-key", "$default"]);

    public Task CreateIntegrationResponseAsync(string apiId, string integrationId, string key, params string[] extra) =>
        RunAsync(["create-integration-response", "--api-id", apiId, "--integration-id", integrationId, "--integration-response-key", key, .. extra]);

    /// <summary>A two-way MOCK route answering <c>{"route": ..., "connectionId": ...}</c>.</summary>
    public async Task AddMockEchoRouteAsync(string apiId, string routeKey)
    {
        var mock = await CreateIntegrationAsync(apiId, "MOCK", null,
            "--template-selection-expression", "\\$default",
            "--request-templates", """{"$default":"{\"statusCode\": 200}"}""");
        await CreateIntegrationResponseAsync(apiId, mock, "$default",
            "--template-selection-expression", "\\$default",
            "--response-templates", """{"$default":"{\"route\": \"$context.routeKey\", \"connectionId\": \"$context.connectionId\"}"}""");
        var route = await CreateRouteAsync(apiId, routeKey, mock, "--route-response-selection-expression", "$default");
        await CreateRouteResponseAsync(apiId, route);
    }

    /// <summary>A stage that deploys every change, so each test's routes are live at once.</summary>
    public Task CreateStageAsync(string apiId, string stageName = "prod") =>
        RunAsync(["create-stage", "--api-id", apiId, "--stage-name", stageName, "--auto-deploy"]);

    public Task DeployAsync(string apiId, string stageName = "prod") =>
        RunAsync(["create-deployment", "--api-id", apiId, "--stage-name", stageName]);

    /// <summary>A custom domain name whose mapping key leads to the stage.</summary>
    public async Task MapDomainAsync(string domain, string mappingKey, string apiId, string stageName = "prod")
    {
        await AwsCli.RunAsync(edge.AdminUrl, "apigatewayv2", "create-domain-name", "--domain-name", domain);
        await RunAsync(["create-api-mapping", "--domain-name", domain, "--api-mapping-key", mappingKey, "--api-id", apiId, "--stage", stageName]);
    }

    public string StageUrl(string apiId, string stageName = "prod") =>
        $"{edge.DataUrl.Replace("http://", "ws://", StringComparison.Ordinal)}/_aws/execute-api/{apiId}/{stageName}";

    public string ManagementUrl(string apiId, string stageName = "prod") => $"{edge.DataUrl}/_aws/execute-api/{apiId}/{stageName}";

    private async Task<JsonElement> RunAsync(string[] arguments)
    {
        var result = await AwsCli.RunAsync(edge.AdminUrl, ["apigatewayv2", .. arguments]);
        Assert.True(result.ExitCode == 0, $"aws apigatewayv2 {arguments[0]} exited {result.ExitCode}: {result.Stderr}");
        return result.Stdout.Trim().Length == 0 ? default : result.Json();
    }
}
