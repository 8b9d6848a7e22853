using System.Net;
using System.Net.WebSockets;
using System.Text.Json;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>WebSocket APIs end to end: real sockets (.NET's ClientWebSocket), APIs set up with the AWS CLI, a real backend.</summary>
public sealed class WebSocketDataPlaneTests(WebSocketEdgeFixture fixture) : IClassFixture<WebSocketEdgeFixture>
{
    private readonly WebSocketApiCli _cli = new(fixture.Edge);

    private RecordingBackend Backend => fixture.Recorder;

    [Fact]
    public async Task PlainGet_OnAWebSocketStage_Answers426()
    {
        var apiId = await _cli.CreateApiAsync();
        await _cli.AddMockEchoRouteAsync(apiId, "echo");
        await _cli.CreateStageAsync(apiId);

        using var http = new HttpClient();
        var response = await http.GetAsync(_cli.ManagementUrl(apiId));

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal("Upgrade Required", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task WithoutConnectRoute_TheSocketOpens_AndAMessageNoRouteTakes_GetsAwsForbiddenFrame()
    {
        var apiId = await _cli.CreateApiAsync();
        await _cli.AddMockEchoRouteAsync(apiId, "echo");
        await _cli.CreateStageAsync(apiId);

        await using var client = await WsClient.ConnectAsync(_cli.StageUrl(apiId));
        await client.SendAsync("""{"action":"nothing-here"}""");

        var frame = JsonDocument.Parse(await client.ReceiveAsync()).RootElement;
        Assert.Equal("Forbidden", frame.GetProperty("message").GetString());
        Assert.Equal(16, frame.GetProperty("connectionId").GetString()!.Length);
        Assert.False(string.IsNullOrEmpty(frame.GetProperty("requestId").GetString()));
    }

    [Fact]
    public async Task TwoWayMockRoute_AnswersOnTheSocket_WithTheConnectionsOwnId()
    {
        var apiId = await _cli.CreateApiAsync();
        await _cli.AddMockEchoRouteAsync(apiId, "whoami");
        await _cli.CreateStageAsync(apiId);

        await using var client = await WsClient.ConnectAsync(_cli.StageUrl(apiId));
        await client.SendAsync("""{"action":"whoami"}""");
        var first = JsonDocument.Parse(await client.ReceiveAsync()).RootElement;
        await client.SendAsync("""{"action":"whoami"}""");
        var second = JsonDocument.Parse(await client.ReceiveAsync()).RootElement;

        Assert.Equal("whoami", first.GetProperty("route").GetString());
        Assert.Equal(16, first.GetProperty("connectionId").GetString()!.Length);
        Assert.Equal(first.GetProperty("connectionId").GetString(), second.GetProperty("connectionId").GetString());
    }

    [Fact]
    public async Task ConnectRouteAnsweringNon2xx_RefusesTheUpgradeWithThatStatus()
    {
        var apiId = await _cli.CreateApiAsync();
        var refuse = await _cli.CreateIntegrationAsync(apiId, "HTTP_PROXY", $"{Backend.Url}/status/403");
        await _cli.CreateRouteAsync(apiId, "$connect", refuse);
        await _cli.CreateStageAsync(apiId);

        var (client, status) = await WsClient.TryConnectAsync(_cli.StageUrl(apiId));

        Assert.Null(client);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        await Backend.NextAsync("/status/403");
    }

    [Fact]
    public async Task ConnectRoute_SeesHeadersAndQuery_AndItsSecWebSocketProtocolSelectsTheSubprotocol()
    {
        var apiId = await _cli.CreateApiAsync();
        var connect = await _cli.CreateIntegrationAsync(apiId, "HTTP", $"{Backend.Url}/subprotocol/chat.v2",
            "--request-parameters", """{"integration.request.header.x-token":"route.request.querystring.token","integration.request.header.x-conn":"context.connectionId"}""");
        await _cli.CreateRouteAsync(apiId, "$connect", connect);
        await _cli.CreateStageAsync(apiId);

        await using var client = await WsClient.ConnectAsync(_cli.StageUrl(apiId) + "?token=abc", "chat.v1", "chat.v2");

        Assert.Equal("chat.v2", client.SubProtocol);
        var call = await Backend.NextAsync("/subprotocol/chat.v2");
        Assert.Equal("abc", call.Headers["x-token"]);
        Assert.Equal(16, call.Headers["x-conn"].Length);
    }

    [Fact]
    public async Task MessagesOfOneConnection_ReachTheBackendInOrder_EvenBehindASlowOne()
    {
        var apiId = await _cli.CreateApiAsync();
        var slow = await _cli.CreateIntegrationAsync(apiId, "HTTP_PROXY", $"{Backend.Url}/slow/40");
        await _cli.CreateRouteAsync(apiId, "$default", slow);
        await _cli.CreateStageAsync(apiId);
        await using var client = await WsClient.ConnectAsync(_cli.StageUrl(apiId));
        var marker = Guid.NewGuid().ToString("N");

        for (var i = 0; i < 15; i++)
        {
            await client.SendAsync($$"""{"marker":"{{marker}}","seq":{{i}}}""");
        }

        for (var i = 0; i < 15; i++)
        {
            var call = await Backend.NextAsync("/slow/40");
            var body = JsonDocument.Parse(call.Body).RootElement;
            Assert.Equal(marker, body.GetProperty("marker").GetString());
            Assert.Equal(i, body.GetProperty("seq").GetInt32());
        }
    }

    [Fact]
    public async Task ClientClose_RunsDisconnect_WithTheCloseCode()
    {
        var apiId = await _cli.CreateApiAsync();
        await _cli.AddMockEchoRouteAsync(apiId, "whoami");
        var disconnect = await _cli.CreateIntegrationAsync(apiId, "HTTP", $"{Backend.Url}/disconnected",
            "--request-parameters", """{"integration.request.header.x-conn":"context.connectionId","integration.request.header.x-code":"context.disconnectStatusCode"}""");
        await _cli.CreateRouteAsync(apiId, "$disconnect", disconnect);
        await _cli.CreateStageAsync(apiId);
        var client = await WsClient.ConnectAsync(_cli.StageUrl(apiId));
        var connectionId = await WhoAmIAsync(client);

        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "done");
        await client.DisposeAsync();

        var call = await Backend.NextAsync("/disconnected");
        Assert.Equal(connectionId, call.Headers["x-conn"]);
        Assert.Equal("1000", call.Headers["x-code"]);
    }

    [Fact]
    public async Task BinaryFrame_ClosesWith1003()
    {
        await using var client = await ConnectToEchoApiAsync();

        await client.Socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);

        Assert.Equal(WebSocketCloseStatus.InvalidMessageType, await client.WaitForCloseAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task FrameOver32KB_ClosesWith1009()
    {
        await using var client = await ConnectToEchoApiAsync();

        await client.Socket.SendAsync(new byte[33 * 1024].Select(_ => (byte)'a').ToArray(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await client.WaitForCloseAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task MessageOver128KB_InSmallFrames_ClosesWith1009()
    {
        await using var client = await ConnectToEchoApiAsync();
        var chunk = Enumerable.Repeat((byte)'a', 16 * 1024).ToArray();

        for (var i = 0; i < 9; i++)
        {
            await client.Socket.SendAsync(chunk, WebSocketMessageType.Text, endOfMessage: i == 8, CancellationToken.None);
        }

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await client.WaitForCloseAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task MessageJustUnderTheLimits_IsServed()
    {
        await using var client = await ConnectToEchoApiAsync();
        var padding = new string('a', 30 * 1024);

        await client.SendAsync($$"""{"action":"whoami","padding":"{{padding}}"}""");

        Assert.Equal("whoami", JsonDocument.Parse(await client.ReceiveAsync()).RootElement.GetProperty("route").GetString());
    }

    [Fact]
    public async Task AllInvokeUrlForms_Upgrade()
    {
        var apiId = await _cli.CreateApiAsync();
        await _cli.AddMockEchoRouteAsync(apiId, "whoami");
        await _cli.CreateStageAsync(apiId);
        var data = fixture.Edge.DataUrl.Replace("http://", "ws://", StringComparison.Ordinal);

        await using var awsPath = await WsClient.ConnectAsync($"{data}/_aws/execute-api/{apiId}/prod");
        await using var userRequest = await WsClient.ConnectAsync($"{data}/restapis/{apiId}/prod/_user_request_/");
        await using var host = await WsClient.ConnectWithHostAsync($"{data}/prod", $"{apiId}.execute-api.localhost");

        foreach (var client in new[] { awsPath, userRequest, host })
        {
            Assert.Equal(16, (await WhoAmIAsync(client)).Length);
        }
    }

    [Fact]
    public async Task CustomDomainName_MappedToAStage_Upgrades()
    {
        var apiId = await _cli.CreateApiAsync();
        await _cli.AddMockEchoRouteAsync(apiId, "whoami");
        await _cli.CreateStageAsync(apiId);
        var domain = $"chat-{Guid.NewGuid():N}.example.test";
        await _cli.MapDomainAsync(domain, "live", apiId);
        var data = fixture.Edge.DataUrl.Replace("http://", "ws://", StringComparison.Ordinal);

        await using var client = await WsClient.ConnectWithHostAsync($"{data}/live", domain);

        Assert.Equal(16, (await WhoAmIAsync(client)).Length);
    }

    [Fact]
    public async Task UnknownStage_IsRefusedBeforeAnyRouteRuns()
    {
        var apiId = await _cli.CreateApiAsync();
        await _cli.AddMockEchoRouteAsync(apiId, "whoami");
        await _cli.CreateStageAsync(apiId);

        var (client, status) = await WsClient.TryConnectAsync(_cli.StageUrl(apiId, "nostage"));

        Assert.Null(client);
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    private async Task<WsClient> ConnectToEchoApiAsync()
    {
        var apiId = await _cli.CreateApiAsync();
        await _cli.AddMockEchoRouteAsync(apiId, "whoami");
        await _cli.CreateStageAsync(apiId);
        return await WsClient.ConnectAsync(_cli.StageUrl(apiId));
    }

    private static async Task<string> WhoAmIAsync(WsClient client)
    {
        await client.SendAsync("""{"action":"whoami"}""");
        return JsonDocument.Parse(await client.ReceiveAsync()).RootElement.GetProperty("connectionId").GetString()!;
    }
}
