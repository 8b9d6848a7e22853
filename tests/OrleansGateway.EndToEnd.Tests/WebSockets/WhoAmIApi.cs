using System.Text.Json;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>A WebSocket API whose <c>whoami</c> route (two-way MOCK) tells a client its connection ID, for tests that push to it.</summary>
internal static class WhoAmIApi
{
    /// <summary>
    /// Creates the API and an auto-deployed stage <c>prod</c>; its ID and the stage's base URL (the management endpoint).
    /// With <paramref name="disconnectUrl"/>, a <c>$disconnect</c> route posts there with the connection's ID
    /// (<c>x-conn</c>) and close code (<c>x-code</c>) as headers.
    /// </summary>
    public static async Task<(string ApiId, string Endpoint)> CreateAsync(WebSocketApiCli cli, string? disconnectUrl = null)
    {
        var apiId = await cli.CreateApiAsync();
        var mock = await cli.CreateIntegrationAsync(apiId, "MOCK", null,
            "--template-selection-expression", "\\$default",
            "--request-templates", """{"$default":"{\"statusCode\": 200}"}""");
        await cli.CreateIntegrationResponseAsync(apiId, mock, "$default",
            "--template-selection-expression", "\\$default",
            "--response-templates", """{"$default":"{\"connectionId\": \"$context.connectionId\"}"}""");
        var route = await cli.CreateRouteAsync(apiId, "whoami", mock, "--route-response-selection-expression", "$default");
        await cli.CreateRouteResponseAsync(apiId, route);
        if (disconnectUrl is not null)
        {
            var disconnect = await cli.CreateIntegrationAsync(apiId, "HTTP", disconnectUrl,
                "--request-parameters", """{"integration.request.header.x-conn":"context.connectionId","integration.request.header.x-code":"context.disconnectStatusCode"}""");
            await cli.CreateRouteAsync(apiId, "$disconnect", disconnect);
        }

        await cli.CreateStageAsync(apiId);
        return (apiId, cli.ManagementUrl(apiId));
    }

    public static async Task<string> ConnectionIdOfAsync(WsClient socket)
    {
        await socket.SendAsync("""{"action":"whoami"}""");
        return JsonDocument.Parse(await socket.ReceiveAsync()).RootElement.GetProperty("connectionId").GetString()!;
    }
}
