using System.Net;
using System.Text.Json;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>
/// WebSocket APIs end to end with the <c>ws</c> npm client (through <c>ws-client.mjs</c>) instead of
/// .NET's: the real embedded edge, APIs set up with the AWS CLI, a recording backend, pushes with plain
/// HTTP from an unsigned loopback caller.
/// </summary>
public sealed class WsNodeClientTests(WebSocketEdgeFixture fixture) : IClassFixture<WebSocketEdgeFixture>, IDisposable
{
    private readonly WebSocketApiCli _cli = new(fixture.Edge);
    private readonly HttpClient _http = new();

    private RecordingBackend Backend => fixture.Recorder;

    private string DataUrl => fixture.Edge.DataUrl.Replace("http://", "ws://", StringComparison.Ordinal);

    [Fact]
    public async Task ConnectRouteAnsweringSecWebSocketProtocol_WsSeesThatSubprotocol_OnTheStageUrlAndTheExecuteApiHost()
    {
        var apiId = await _cli.CreateApiAsync();
        var connect = await _cli.CreateIntegrationAsync(apiId, "HTTP", $"{Backend.Url}/subprotocol/chat.v2");
        await _cli.CreateRouteAsync(apiId, "$connect", connect);
        await _cli.CreateStageAsync(apiId);
        string[] offered = ["chat.v1", "chat.v2"];

        var onStageUrl = await WsNodeClient.RunAsync(_cli.StageUrl(apiId), [WsNodeStep.CloseWith(1000, "done")], offered);
        var onHost = await WsNodeClient.RunAsync($"{DataUrl}/prod", [WsNodeStep.CloseWith(1000, "done")], offered,
            new() { ["Host"] = $"{apiId}.execute-api.localhost" });

        foreach (var run in new[] { onStageUrl, onHost })
        {
            Assert.True(run.Opened is not null, $"the ws client did not open:\n{run}");
            Assert.Equal("chat.v2", run.Opened.Protocol);
            Assert.Equal(1000, run.Closed?.Code);
            Assert.Empty(run.Problems);
            await Backend.NextAsync("/subprotocol/chat.v2");
        }
    }

    [Fact]
    public async Task ConnectRouteAnswering403_WsGetsAnUnexpectedResponse403_AndNoSocket()
    {
        var apiId = await _cli.CreateApiAsync();
        var refuse = await _cli.CreateIntegrationAsync(apiId, "HTTP_PROXY", $"{Backend.Url}/status/403");
        await _cli.CreateRouteAsync(apiId, "$connect", refuse);
        await _cli.CreateStageAsync(apiId);

        var run = await WsNodeClient.RunAsync(_cli.StageUrl(apiId), [WsNodeStep.CloseWith(1000, "never sent")]);

        Assert.True(run.Refused is not null, $"the ws client was not refused:\n{run}");
        Assert.Equal(403, run.Refused.Status);
        Assert.Null(run.Opened);
        Assert.Null(run.Closed);
        Assert.NotEqual(1, run.Events[^1].ReadyState); // never OPEN
        await Backend.NextAsync("/status/403");
    }

    [Fact]
    public async Task JsonMessages_AreRoutedByAction_ToTheMockReply_AndAnUnknownActionGetsTheForbiddenFrame()
    {
        var apiId = await _cli.CreateApiAsync();
        await _cli.AddMockEchoRouteAsync(apiId, "whoami");
        await _cli.CreateStageAsync(apiId);

        var run = await WsNodeClient.RunAsync(_cli.StageUrl(apiId),
        [
            WsNodeStep.Text("""{"action":"whoami"}"""),
            WsNodeStep.ReceiveUntil(1),
            WsNodeStep.Text("""{"action":"nothing-here","data":1}"""),
            WsNodeStep.ReceiveUntil(2),
            WsNodeStep.CloseWith(1000, "done"),
        ]);

        Assert.Empty(run.Problems);
        Assert.True(run.Messages.Count == 2, $"expected two messages:\n{run}");
        var reply = JsonDocument.Parse(run.Messages[0]).RootElement;
        var forbidden = JsonDocument.Parse(run.Messages[1]).RootElement;
        Assert.Equal("whoami", reply.GetProperty("route").GetString());
        var connectionId = reply.GetProperty("connectionId").GetString()!;
        Assert.Equal(16, connectionId.Length);
        Assert.Equal(["connectionId", "message", "requestId"], forbidden.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("Forbidden", forbidden.GetProperty("message").GetString());
        Assert.Equal(connectionId, forbidden.GetProperty("connectionId").GetString());
        Assert.False(string.IsNullOrEmpty(forbidden.GetProperty("requestId").GetString()));
        Assert.Equal(1000, run.Closed?.Code);
    }

    [Fact]
    public async Task PostToConnection_AndAGroupSend_ReachTheWsClient()
    {
        var apiId = await _cli.CreateApiAsync();
        var marker = Guid.NewGuid().ToString("N");
        var hello = await _cli.CreateIntegrationAsync(apiId, "HTTP", $"{Backend.Url}/hello/{marker}",
            "--request-parameters", """{"integration.request.header.x-conn":"context.connectionId"}""");
        await _cli.CreateRouteAsync(apiId, "hello", hello);
        await _cli.CreateStageAsync(apiId);
        var endpoint = _cli.ManagementUrl(apiId);

        // The client says hello (a one-way route to the backend, which so learns its ID), then waits for two pushes.
        var running = WsNodeClient.RunAsync(_cli.StageUrl(apiId),
        [
            WsNodeStep.Text("""{"action":"hello"}"""),
            WsNodeStep.ReceiveUntil(2),
            WsNodeStep.CloseWith(1000, "done"),
        ]);
        var connectionId = (await Backend.NextAsync($"/hello/{marker}", TimeSpan.FromSeconds(30))).Headers["x-conn"];
        using var direct = await _http.PostAsync($"{endpoint}/@connections/{Uri.EscapeDataString(connectionId)}", new StringContent("""{"push":"direct"}"""));
        using var joined = await _http.PutAsync($"{endpoint}/@groups/node-room/connections/{Uri.EscapeDataString(connectionId)}", null);
        using var groupSend = await _http.PostAsync($"{endpoint}/@groups/node-room", new StringContent("to the room"));
        var run = await running;

        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, joined.StatusCode);
        Assert.Equal(HttpStatusCode.OK, groupSend.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await groupSend.Content.ReadAsStringAsync()).RootElement.GetProperty("delivered").GetInt32());
        Assert.Empty(run.Problems);
        Assert.Equal(["""{"push":"direct"}""", "to the room"], run.Messages);
        Assert.Equal(1000, run.Closed?.Code);
    }

    [Fact]
    public async Task BinaryFrame_ClosesWith1003()
    {
        var run = await WsNodeClient.RunAsync(await EchoApiUrlAsync(), [WsNodeStep.Binary(1, 2, 3), WsNodeStep.AwaitClose()]);

        Assert.True(run.Closed is not null, $"the socket did not close:\n{run}");
        Assert.Equal(1003, run.Closed.Code);
        Assert.Empty(run.Messages);
    }

    [Fact]
    public async Task FrameOver32KB_ClosesWith1009()
    {
        var run = await WsNodeClient.RunAsync(await EchoApiUrlAsync(), [WsNodeStep.Filled(33 * 1024), WsNodeStep.AwaitClose()]);

        Assert.True(run.Closed is not null, $"the socket did not close:\n{run}");
        Assert.Equal(1009, run.Closed.Code);
        Assert.Empty(run.Messages);
    }

    [Fact]
    public async Task NormalClose_RunsDisconnect_WithStatusCode1000()
    {
        var apiId = await _cli.CreateApiAsync();
        await _cli.AddMockEchoRouteAsync(apiId, "whoami");
        var marker = Guid.NewGuid().ToString("N");
        var disconnect = await _cli.CreateIntegrationAsync(apiId, "HTTP", $"{Backend.Url}/disconnected/{marker}",
            "--request-parameters", """{"integration.request.header.x-conn":"context.connectionId","integration.request.header.x-code":"context.disconnectStatusCode"}""");
        await _cli.CreateRouteAsync(apiId, "$disconnect", disconnect);
        await _cli.CreateStageAsync(apiId);

        var run = await WsNodeClient.RunAsync(_cli.StageUrl(apiId),
            [WsNodeStep.Text("""{"action":"whoami"}"""), WsNodeStep.ReceiveUntil(1), WsNodeStep.CloseWith(1000, "done")]);

        Assert.Empty(run.Problems);
        Assert.Equal(1000, run.Closed?.Code);
        var call = await Backend.NextAsync($"/disconnected/{marker}");
        Assert.Equal(JsonDocument.Parse(run.Messages.Single()).RootElement.GetProperty("connectionId").GetString(), call.Headers["x-conn"]);
        Assert.Equal("1000", call.Headers["x-code"]);
    }

    [Fact]
    public async Task MessagesWrittenTogether_AreEachAnswered_NotHeldUntilTheNextOneComes()
    {
        // One read of the server's may hold several messages; each is answered without the client sending more.
        var url = await EchoApiUrlAsync();

        var run = await WsNodeClient.RunAsync(url,
            [WsNodeStep.Burst([.. Enumerable.Repeat("""{"action":"whoami"}""", 5)]), WsNodeStep.ReceiveUntil(5), WsNodeStep.CloseWith(1000, "done")]);

        Assert.Empty(run.Problems);
        Assert.Equal(5, run.Messages.Count);
        Assert.All(run.Messages, message => Assert.Equal("whoami", JsonDocument.Parse(message).RootElement.GetProperty("route").GetString()));
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> EchoApiUrlAsync()
    {
        var apiId = await _cli.CreateApiAsync();
        await _cli.AddMockEchoRouteAsync(apiId, "whoami");
        await _cli.CreateStageAsync(apiId);
        return _cli.StageUrl(apiId);
    }
}
