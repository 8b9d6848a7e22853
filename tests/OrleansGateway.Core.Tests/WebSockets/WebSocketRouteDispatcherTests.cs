using System.Net;
using System.Text;
using System.Text.Json;
using OrleansGateway.HttpApis;
using OrleansGateway.Integrations;
using OrleansGateway.WebSockets;
using static OrleansGateway.Core.Tests.WebSockets.WebSocketStage;

namespace OrleansGateway.Core.Tests.WebSockets;

public sealed class WebSocketRouteDispatcherTests : IDisposable
{
    private const string EchoTemplate = """{"route": "$context.routeKey", "connectionId": "$context.connectionId", "body": $input.json('$')}""";

    private readonly LoopbackBackend _backend = new();
    private readonly HttpMessageInvoker _invoker = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
    });

    private WebSocketRouteDispatcher Dispatcher => new(_invoker);

    public void Dispose()
    {
        _invoker.Dispose();
        _backend.Dispose();
    }

    [Theory]
    [InlineData("""{"action":"join","room":"a"}""", "join")]
    [InlineData("""{"action":"leave"}""", "$default")]
    [InlineData("""{"other":1}""", "$default")]
    [InlineData("not json at all", "$default")]
    [InlineData("""{"action":"$connect"}""", "$default")]
    public async Task Message_SelectsTheRouteItsBodyNames_ElseDefault(string body, string expected)
    {
        var table = new WebSocketStage()
            .Route("join", Mock(), twoWay: true, Response("$default", EchoTemplate))
            .Route("$default", Mock(), twoWay: true, Response("$default", EchoTemplate))
            .Route("$connect", Mock())
            .Compile();

        var outcome = await Dispatcher.DispatchAsync(table, Message(body), CancellationToken.None);

        Assert.Equal((expected, 200), (outcome.RouteKey, outcome.StatusCode));
        Assert.Equal(expected, Frame(outcome).GetProperty("route").GetString());
    }

    [Fact]
    public async Task Message_TemplateExpressionRouteSelection_ReadsNestedPaths()
    {
        var table = new WebSocketStage { RouteSelectionExpression = "${request.body.meta.kind}-v$request.body.version" }
            .Route("chat-v2", Mock(), twoWay: true, Response("$default", EchoTemplate))
            .Compile();

        var outcome = await Dispatcher.DispatchAsync(table, Message("""{"meta":{"kind":"chat"},"version":2}"""), CancellationToken.None);

        Assert.Equal("chat-v2", outcome.RouteKey);
    }

    [Fact]
    public async Task Message_NoMatchAndNoDefault_GetsTheForbiddenFrame()
    {
        var table = new WebSocketStage().Route("join", Mock(), twoWay: true, Response("$default", EchoTemplate)).Compile();

        var outcome = await Dispatcher.DispatchAsync(table, Message("""{"action":"leave"}""", "req-42"), CancellationToken.None);

        Assert.Null(outcome.RouteKey);
        Assert.Equal(403, outcome.StatusCode);
        var frame = Frame(outcome);
        Assert.Equal(("Forbidden", ConnectionId, "req-42"),
            (frame.GetProperty("message").GetString(), frame.GetProperty("connectionId").GetString(), frame.GetProperty("requestId").GetString()));
    }

    [Fact]
    public async Task ConnectAndDisconnect_WithoutTheirRoutes_AcceptAndDoNothing()
    {
        var table = new WebSocketStage().Route("$default", Mock()).Compile();

        var connect = await Dispatcher.DispatchAsync(table, Connect(), CancellationToken.None);
        var disconnect = await Dispatcher.DispatchAsync(table, Disconnect(1000, "bye"), CancellationToken.None);

        Assert.Equal((null, 200, null, null), (connect.RouteKey, connect.StatusCode, connect.Reply, connect.ErrorBody));
        Assert.Equal((null, 200, null), (disconnect.RouteKey, disconnect.StatusCode, disconnect.Reply));
    }

    [Theory]
    [InlineData("AWS_IAM", null, false, 403, "Forbidden")]
    [InlineData("CUSTOM", "auth1", false, 500, "Internal server error")]
    public async Task Connect_WhoseAuthorizationTheEdgeCannotEvaluate_IsRefused_NeverAccepted(string type, string? authorizerId, bool apiKeyRequired, int status, string message)
    {
        var table = new WebSocketStage()
            .Route("$connect", Mock()).Authorized(type, authorizerId, apiKeyRequired)
            .Route("$default", Mock())
            .Compile();

        var connect = await Dispatcher.DispatchAsync(table, Connect(), CancellationToken.None);

        Assert.Equal((status, $$"""{"message":"{{message}}"}"""), (connect.StatusCode, connect.ErrorBody));
        Assert.Contains(table.Faults, fault => fault.StartsWith("$connect:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Connect_ToRouteRequiringApiKey_RunsWithTheEdgesKey_AndMessagesKeepIt()
    {
        // The edge checked the key before the grain heard of the connect; the route only maps it.
        const string IdentityTemplate = """{"key": "$context.identity.apiKey", "keyId": "$context.identity.apiKeyId"}""";
        var table = new WebSocketStage()
            .Route("$connect", Mock()).Authorized("NONE", apiKeyRequired: true)
            .Route("$default", Mock(), twoWay: true, Response("$default", IdentityTemplate))
            .Compile();
        var keyed = Connection() with { ApiKey = "value-of-the-key", ApiKeyId = "k1d2e3f4" };

        var connect = await Dispatcher.DispatchAsync(table, Connect() with { Connection = keyed }, CancellationToken.None);
        var message = await Dispatcher.DispatchAsync(table, Message("{}") with { Connection = keyed }, CancellationToken.None);

        Assert.Empty(table.Faults);
        Assert.Equal(("$connect", 200), (connect.RouteKey, connect.StatusCode));
        Assert.Equal(("value-of-the-key", "k1d2e3f4"), (Frame(message).GetProperty("key").GetString(), Frame(message).GetProperty("keyId").GetString()));
    }

    [Fact]
    public async Task StageWithoutDeployment_RefusesConnectsAndMessages()
    {
        var runtime = new WebSocketStage().Route("$default", Mock()).Runtime() with { Deployment = null };
        var table = WebSocketRouteTable.Compile(runtime);

        var connect = await Dispatcher.DispatchAsync(table, Connect(), CancellationToken.None);
        var message = await Dispatcher.DispatchAsync(table, Message("{}"), CancellationToken.None);

        Assert.Equal((403, "Forbidden"), (connect.StatusCode, JsonDocument.Parse(connect.ErrorBody!).RootElement.GetProperty("message").GetString()));
        Assert.Equal((403, "Forbidden"), (message.StatusCode, Frame(message).GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData("""{"statusCode": 200}""", 200, "ok")]
    [InlineData("""{"statusCode": 404}""", 404, "missing")]
    [InlineData("""{"statusCode": 503}""", 503, "other")]
    public async Task Mock_TakesItsStatusFromTheTemplate_AndTheResponseKeySelectsTheAnswer(string template, int status, string answer)
    {
        var table = new WebSocketStage()
            .Route("$default", Mock(template), twoWay: true,
                Response("/2\\d\\d/", """{"answer":"ok"}"""), Response("/404/", """{"answer":"missing"}"""), Response("$default", """{"answer":"other"}"""))
            .Compile();

        var outcome = await Dispatcher.DispatchAsync(table, Message("{}"), CancellationToken.None);

        Assert.Equal(status, outcome.StatusCode);
        Assert.Equal(answer, Frame(outcome).GetProperty("answer").GetString());
    }

    [Fact]
    public async Task OneWayRoute_SendsNothingBack_ButAFailedIntegrationSendsTheErrorFrame()
    {
        var table = new WebSocketStage()
            .Route("ok", Mock(), twoWay: false, Response("$default", EchoTemplate))
            .Route("fail", Http(_backend.Url + "/status/500"))
            .Compile();

        var ok = await Dispatcher.DispatchAsync(table, Message("""{"action":"ok"}"""), CancellationToken.None);
        var failed = await Dispatcher.DispatchAsync(table, Message("""{"action":"fail"}""", "req-7"), CancellationToken.None);

        Assert.Equal(("ok", 200, null), (ok.RouteKey, ok.StatusCode, ok.Reply));
        Assert.Equal(500, failed.StatusCode);
        Assert.Equal(("Internal server error", "req-7"), (Frame(failed).GetProperty("message").GetString(), Frame(failed).GetProperty("requestId").GetString()));
    }

    [Fact]
    public async Task Http_MapsParametersAndTemplates_AndTheTwoWayAnswerIsTheMappedResponse()
    {
        var integration = Http(_backend.Url + "/rooms/{room}/post?fixed=1", new()
        {
            ["integration.request.header.x-conn"] = "context.connectionId",
            ["integration.request.header.x-env"] = "stageVariables.env",
            ["integration.request.header.x-static"] = "'hello'",
            ["integration.request.querystring.user"] = "route.request.body.user.name",
            ["integration.request.path.room"] = "route.request.body.room",
        }) with
        {
            TemplateSelectionExpression = "$request.body.action",
            RequestTemplates = new() { ["send"] = """{"text": $input.json('$.text'), "route": "$context.routeKey"}""" },
        };
        var table = new WebSocketStage { StageVariables = new() { ["env"] = "live" } }
            .Route("send", integration, twoWay: true, Response("/2\\d\\d/", """{"sent": $input.json('$.Body')}"""))
            .Compile();

        var outcome = await Dispatcher.DispatchAsync(table, Message("""{"action":"send","text":"hi","room":"blue","user":{"name":"ann b"}}"""), CancellationToken.None);

        var call = await _backend.NextAsync();
        Assert.Equal(("POST", "/rooms/blue/post"), (call.Method, call.Path));
        Assert.Equal("?fixed=1&user=ann%20b", call.Query);
        Assert.Equal((ConnectionId, "live", "hello"), (call.Headers["x-conn"], call.Headers["x-env"], call.Headers["x-static"]));
        Assert.Equal("""{"text": "hi", "route": "send"}""", call.Body);
        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal(call.Body, Frame(outcome).GetProperty("sent").GetString());
    }

    [Theory]
    [InlineData("..", "/base/%252E%252E/end")]
    [InlineData("../admin", "/base/%252E%252E%2Fadmin/end")]
    [InlineData("a/b?c#d", "/base/a%2Fb%3Fc%23d/end")]
    [InlineData("%2e%2e", "/base/%252e%252e/end")]
    public async Task Http_PathFromClientInput_NeverLeavesTheIntegrationsBase(string room, string expected)
    {
        var integration = Http(_backend.Url + "/base/{room}/end", new() { ["integration.request.path.room"] = "route.request.body.room" });
        var table = new WebSocketStage().Route("$default", integration).Compile();

        await Dispatcher.DispatchAsync(table, Message(JsonSerializer.Serialize(new { room })), CancellationToken.None);

        Assert.Equal(expected, (await _backend.NextAsync()).Path);
    }

    [Fact]
    public async Task HttpProxy_SendsTheMessageAsItIs_AndAnswersWithTheBackendsBodyAsItIs()
    {
        var table = new WebSocketStage().Route("$default", Proxy(_backend.Url + "/echo"), twoWay: true).Compile();
        const string body = """{"action":"x",  "spaced":   true}""";

        var outcome = await Dispatcher.DispatchAsync(table, Message(body), CancellationToken.None);

        var call = await _backend.NextAsync();
        Assert.Equal(body, call.Body);
        Assert.Equal(JsonSerializer.Serialize(call), Encoding.UTF8.GetString(outcome.Reply!));
    }

    [Fact]
    public async Task RouteRequestHeadersAndQuery_ExistOnlyOnConnect()
    {
        var mapped = Http(_backend.Url + "/seen", new()
        {
            ["integration.request.header.x-token"] = "route.request.querystring.token",
            ["integration.request.header.x-agent"] = "route.request.header.x-client",
        });
        var table = new WebSocketStage().Route("$connect", mapped).Route("$default", mapped).Compile();

        var connect = await Dispatcher.DispatchAsync(table, Connect(new() { ["x-client"] = "cli/1" }, new() { ["token"] = "abc" }), CancellationToken.None);
        var onConnect = await _backend.NextAsync();
        await Dispatcher.DispatchAsync(table, Message("{}") with { Connection = Connect(new() { ["x-client"] = "cli/1" }, new() { ["token"] = "abc" }).Connection }, CancellationToken.None);
        var onMessage = await _backend.NextAsync();

        Assert.Equal(("$connect", 200), (connect.RouteKey, connect.StatusCode));
        Assert.Equal(("abc", "cli/1"), (onConnect.Headers["x-token"], onConnect.Headers["x-agent"]));
        Assert.False(onMessage.Headers.ContainsKey("x-token"));
        Assert.False(onMessage.Headers.ContainsKey("x-agent"));
    }

    [Fact]
    public async Task Connect_TheIntegrationsSecWebSocketProtocolChoosesTheSubprotocol()
    {
        var table = new WebSocketStage().Route("$connect", Http(_backend.Url + "/subprotocol/chat.v2")).Compile();

        var outcome = await Dispatcher.DispatchAsync(table, Connect(), CancellationToken.None);

        Assert.Equal((200, "chat.v2", null), (outcome.StatusCode, outcome.Subprotocol, outcome.ErrorBody));
    }

    [Fact]
    public async Task Connect_RefusedByTheIntegration_GivesItsStatusAndJsonBody()
    {
        var table = new WebSocketStage().Route("$connect", Proxy(_backend.Url + "/status/401")).Compile();

        var outcome = await Dispatcher.DispatchAsync(table, Connect(), CancellationToken.None);

        Assert.Equal((401, null), (outcome.StatusCode, outcome.Subprotocol));
        Assert.Equal("status 401", JsonDocument.Parse(outcome.ErrorBody!).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Disconnect_SeesTheCloseCodeAndReasonInContext()
    {
        var table = new WebSocketStage().Route("$disconnect", Http(_backend.Url + "/gone", new()
        {
            ["integration.request.header.x-code"] = "context.disconnectStatusCode",
            ["integration.request.header.x-reason"] = "context.disconnectReason",
            ["integration.request.header.x-event"] = "context.eventType",
        })).Compile();

        var outcome = await Dispatcher.DispatchAsync(table, Disconnect(1001, "Going away"), CancellationToken.None);

        var call = await _backend.NextAsync();
        Assert.Equal(("1001", "Going away", "DISCONNECT"), (call.Headers["x-code"], call.Headers["x-reason"], call.Headers["x-event"]));
        Assert.Equal(("$disconnect", 200, null), (outcome.RouteKey, outcome.StatusCode, outcome.Reply));
    }

    [Fact]
    public async Task SlowIntegration_TimesOutWith504_AndTheTimeoutFrame()
    {
        var table = new WebSocketStage().Route("$default", Proxy(_backend.Url + "/slow/5000", timeout: 100), twoWay: true).Compile();

        var outcome = await Dispatcher.DispatchAsync(table, Message("{}", "req-slow"), CancellationToken.None);

        Assert.Equal(504, outcome.StatusCode);
        Assert.Equal(("Endpoint request timed out", "req-slow"), (Frame(outcome).GetProperty("message").GetString(), Frame(outcome).GetProperty("requestId").GetString()));
    }

    [Fact]
    public async Task UnreachableIntegration_Gives500AndTheInternalServerErrorFrame()
    {
        var table = new WebSocketStage().Route("$default", Proxy($"http://127.0.0.1:{LoopbackBackend.FreePort()}/x"), twoWay: true).Compile();

        var outcome = await Dispatcher.DispatchAsync(table, Message("{}"), CancellationToken.None);

        Assert.Equal(500, outcome.StatusCode);
        Assert.Equal("Internal server error", Frame(outcome).GetProperty("message").GetString());
        Assert.NotNull(outcome.Failure);
    }

    [Theory]
    [InlineData(WebSocketIntegrationLimits.MaxReplyBytes, 200)]
    [InlineData(WebSocketIntegrationLimits.MaxReplyBytes + 1, 500)]
    public async Task AnswersOver128KB_AreAnError(int size, int expected)
    {
        var table = new WebSocketStage().Route("$default", Proxy($"{_backend.Url}/big/{size}"), twoWay: true).Compile();

        var outcome = await Dispatcher.DispatchAsync(table, Message("{}"), CancellationToken.None);

        Assert.Equal(expected, outcome.StatusCode);
        Assert.Equal(expected == 200 ? size : -1, expected == 200 ? outcome.Reply!.Length : -1);
    }

    [Fact]
    public async Task Redirects_AreNotFollowed()
    {
        var table = new WebSocketStage().Route("$default", Proxy(_backend.Url + "/redirect"), twoWay: true).Compile();

        var outcome = await Dispatcher.DispatchAsync(table, Message("{}"), CancellationToken.None);

        Assert.Equal(302, outcome.StatusCode);
        Assert.True(Frame(outcome).GetProperty("moved").GetBoolean());
        Assert.Equal("/redirect", (await _backend.NextAsync()).Path);
        Assert.Empty(_backend.Received());
    }

    [Fact]
    public async Task TwoWayHttp_WithNoMatchingIntegrationResponse_IsAConfigurationError()
    {
        var table = new WebSocketStage().Route("$default", Http(_backend.Url + "/status/404"), twoWay: true, Response("/2\\d\\d/")).Compile();

        var outcome = await Dispatcher.DispatchAsync(table, Message("{}"), CancellationToken.None);

        Assert.Equal(500, outcome.StatusCode);
        Assert.Equal("Internal server error", Frame(outcome).GetProperty("message").GetString());
    }

    [Fact]
    public async Task PassthroughNever_WithoutAMatchingTemplate_RefusesTheMessage()
    {
        var integration = Http(_backend.Url + "/x") with
        {
            TemplateSelectionExpression = "$request.body.kind",
            RequestTemplates = new() { ["a"] = "{}" },
            PassthroughBehavior = "NEVER",
        };
        var table = new WebSocketStage().Route("$default", integration).Compile();

        var outcome = await Dispatcher.DispatchAsync(table, Message("""{"kind":"b"}"""), CancellationToken.None);

        Assert.Equal(415, outcome.StatusCode);
        Assert.Equal("Unsupported Media Type", Frame(outcome).GetProperty("message").GetString());
        Assert.Empty(_backend.Received());
    }

    [Fact]
    public async Task RouteThatCannotRun_IsACompileFault_AndAnswers500()
    {
        var lambda = new IntegrationDefinition { IntegrationId = "fn", IntegrationType = IntegrationTypes.AwsProxy, IntegrationUri = "arn:aws:lambda:x" };
        var broken = Mock("#if(") with { IntegrationId = "broken" };
        var table = new WebSocketStage().Route("lambda", lambda).Route("broken", broken).Compile();

        var outcome = await Dispatcher.DispatchAsync(table, Message("""{"action":"lambda"}"""), CancellationToken.None);

        Assert.Equal(2, table.Faults.Count);
        Assert.Contains(table.Faults, f => f.StartsWith("route lambda: Integration type AWS_PROXY", StringComparison.Ordinal));
        Assert.Contains(table.Faults, f => f.StartsWith("route broken: a mapping template does not compile", StringComparison.Ordinal));
        Assert.Equal(("lambda", 500), (outcome.RouteKey, outcome.StatusCode));
    }

    [Fact]
    public async Task OwnAdminEndpoint_IsRefusedAtConnect()
    {
        using var guarded = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            ConnectCallback = (context, token) => OwnAdminEndpoint.ConnectAsync(context.DnsEndPoint, new OwnAdminEndpoint(new Uri(_backend.Url), []), token),
        });
        var table = new WebSocketStage().Route("$default", Proxy($"http://localhost:{_backend.Port}/admin"), twoWay: true).Compile();

        var outcome = await new WebSocketRouteDispatcher(guarded).DispatchAsync(table, Message("{}"), CancellationToken.None);

        Assert.Equal(500, outcome.StatusCode);
        Assert.Contains("own admin endpoint", outcome.Failure, StringComparison.Ordinal);
        Assert.Empty(_backend.Received());
    }

    private static JsonElement Frame(WebSocketRouteOutcome outcome) => JsonDocument.Parse(outcome.Reply!).RootElement;
}
