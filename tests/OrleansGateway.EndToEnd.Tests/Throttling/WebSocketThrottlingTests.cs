using System.Net;
using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.RestApis;
using OrleansGateway.EndToEnd.Tests.WebSockets;

namespace OrleansGateway.EndToEnd.Tests.Throttling;

/// <summary>
/// A WebSocket API's route settings: connects over the <c>$connect</c> route's limit are refused 429
/// before the handshake; messages over their route's limit get AWS's error frame and the socket stays.
/// </summary>
public sealed class WebSocketThrottlingTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>, IDisposable
{
    private readonly RestAdmin _admin = new(fixture.Edge.AdminUrl);

    public void Dispose() => _admin.Dispose();

    [Fact]
    public async Task ConnectOverLimit_Is429BeforeTheHandshake_MessageOverLimit_GetsTheTooManyRequestsFrame()
    {
        var api = await _admin.SendAsync(HttpMethod.Post, "/v2/apis", new { name = "throttled-ws", protocolType = "WEBSOCKET", routeSelectionExpression = "$request.body.action" });
        var apiId = api.GetProperty("apiId").GetString()!;
        var mock = (await _admin.SendAsync(HttpMethod.Post, $"/v2/apis/{apiId}/integrations", new
        {
            integrationType = "MOCK",
            templateSelectionExpression = "\\$default",
            requestTemplates = new Dictionary<string, string> { ["$default"] = """{"statusCode": 200}""" },
        })).GetProperty("integrationId").GetString()!;
        await _admin.SendAsync(HttpMethod.Post, $"/v2/apis/{apiId}/integrations/{mock}/integrationresponses", new
        {
            integrationResponseKey = "$default",
            templateSelectionExpression = "\\$default",
            responseTemplates = new Dictionary<string, string> { ["$default"] = """{"ok":true}""" },
        });
        await _admin.SendAsync(HttpMethod.Post, $"/v2/apis/{apiId}/routes", new { routeKey = "$connect", target = "integrations/" + mock });
        var route = (await _admin.SendAsync(HttpMethod.Post, $"/v2/apis/{apiId}/routes", new
        {
            routeKey = "$default",
            target = "integrations/" + mock,
            routeResponseSelectionExpression = "$default",
        })).GetProperty("routeId").GetString()!;
        await _admin.SendAsync(HttpMethod.Post, $"/v2/apis/{apiId}/routes/{route}/routeresponses", new { routeResponseKey = "$default" });

        // Rate 0: the buckets never refill, so the counts below do not depend on timing.
        await _admin.SendAsync(HttpMethod.Post, $"/v2/apis/{apiId}/stages", new
        {
            stageName = "prod",
            routeSettings = new Dictionary<string, object>
            {
                ["$connect"] = new { throttlingRateLimit = 0, throttlingBurstLimit = 2 },
                ["$default"] = new { throttlingRateLimit = 0, throttlingBurstLimit = 3 },
            },
        });
        await _admin.SendAsync(HttpMethod.Post, $"/v2/apis/{apiId}/deployments", new { stageName = "prod" });
        var url = $"{fixture.Edge.DataUrl.Replace("http://", "ws://", StringComparison.Ordinal)}/_aws/execute-api/{apiId}/prod";

        await using var first = await WsClient.ConnectAsync(url);
        await using var second = await WsClient.ConnectAsync(url);
        var (refused, status) = await WsClient.TryConnectAsync(url);
        Assert.Null(refused);
        Assert.Equal(HttpStatusCode.TooManyRequests, status);

        for (var i = 0; i < 3; i++)
        {
            await first.SendAsync("""{"action":"say"}""");
            Assert.Equal("""{"ok":true}""", await first.ReceiveAsync(TimeSpan.FromSeconds(10)));
        }

        await first.SendAsync("""{"action":"say"}""");
        using var frame = JsonDocument.Parse(await first.ReceiveAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("Too Many Requests", frame.RootElement.GetProperty("message").GetString());
        Assert.False(string.IsNullOrEmpty(frame.RootElement.GetProperty("connectionId").GetString()));
        Assert.False(string.IsNullOrEmpty(frame.RootElement.GetProperty("requestId").GetString()));
        Assert.Equal(3, frame.RootElement.EnumerateObject().Count());

        // Throttled, not closed: the socket is still open.
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, first.Socket.State);
    }
}
