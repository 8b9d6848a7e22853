using System.Net;
using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.ControlPlane.RestApis;
using OrleansGateway.EndToEnd.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.WebSockets;

namespace OrleansGateway.EndToEnd.Tests.ApiKeys;

/// <summary>
/// WebSocket APIs whose <c>$connect</c> route has <c>apiKeyRequired</c>, on a real edge with real sockets:
/// keys and usage plans made with the AWS CLI (apigateway v1, naming the WebSocket API's stage), checked
/// before the handshake. A refused upgrade gets AWS's status and body, no socket, and no <c>$connect</c>
/// integration call; an admitted one carries <c>$context.identity.apiKey(Id)</c> to <c>$connect</c> and
/// to the connection's messages.
/// </summary>
public sealed class WebSocketApiKeyTests(WebSocketEdgeFixture fixture) : IClassFixture<WebSocketEdgeFixture>
{
    private const string Forbidden = """{"message":"Forbidden"}""";

    private readonly WebSocketApiCli _ws = new(fixture.Edge);
    private readonly ApiGatewayCli _keys = new(fixture.Edge.AdminUrl);

    [Fact]
    public async Task KeyInPlanForStage_Connects_AndConnectAndMessagesSeeIt_OthersForbiddenBeforeTheHandshake()
    {
        var apiId = await KeyedApiAsync("/keyed-connect", "prod", "dev");
        var (keyId, value) = await KeyAsync("ws-partner");
        var planId = await PlanAsync(apiId, "prod");
        await _keys.JsonAsync("create-usage-plan-key", "--usage-plan-id", planId, "--key-id", keyId, "--key-type", "API_KEY");
        var (_, unplanned) = await KeyAsync("ws-no-plan");
        var prod = _ws.StageUrl(apiId);

        // Refused first: had any reached $connect's backend, the first call recorded below would be theirs.
        await AssertRefusedAsync(prod, null, 403, Forbidden);
        await AssertRefusedAsync(prod, "not-a-key-value-anyone-has-0123456789", 403, Forbidden);
        await AssertRefusedAsync(prod, unplanned, 403, Forbidden);
        // The plan covers prod only.
        await AssertRefusedAsync(_ws.StageUrl(apiId, "dev"), value, 403, Forbidden);

        await using (var socket = await ConnectAsync(prod, value))
        {
            var connect = await fixture.Recorder.NextAsync("/keyed-connect");
            Assert.Equal((value, keyId), (connect.Headers["x-key"], connect.Headers["x-key-id"]));

            // Kept with the connection: a message's $context.identity names the key the connect was admitted with.
            await socket.SendAsync("""{"action":"whoami"}""");
            var identity = JsonDocument.Parse(await socket.ReceiveAsync()).RootElement;
            Assert.Equal((value, keyId), (identity.GetProperty("key").GetString(), identity.GetProperty("keyId").GetString()));
        }

        // Disabled: pushed to the edge, so the next connects are refused within moments.
        await _keys.JsonAsync("update-api-key", "--api-key", keyId, "--patch-operations", "op=replace,path=/enabled,value=false");
        Assert.Equal(HttpStatusCode.Forbidden, await WaitForStatusAsync(prod, value, HttpStatusCode.Forbidden));
        await AssertRefusedAsync(prod, value, 403, Forbidden);

        // Enabled again, then the key leaves the plan: refused again.
        await _keys.JsonAsync("update-api-key", "--api-key", keyId, "--patch-operations", "op=replace,path=/enabled,value=true");
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await WaitForStatusAsync(prod, value, HttpStatusCode.SwitchingProtocols));
        await _keys.OkAsync("delete-usage-plan-key", "--usage-plan-id", planId, "--key-id", keyId);
        Assert.Equal(HttpStatusCode.Forbidden, await WaitForStatusAsync(prod, value, HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task Quota_AdmitsLimitConnects_ThenLimitExceeded429()
    {
        const int Limit = 3;
        var apiId = await KeyedApiAsync("/metered-connect", "prod");
        var (keyId, value) = await KeyAsync("ws-metered");
        var planId = await PlanAsync(apiId, "prod", "--quota", $"limit={Limit},period=DAY");
        await _keys.JsonAsync("create-usage-plan-key", "--usage-plan-id", planId, "--key-id", keyId, "--key-type", "API_KEY");
        var url = _ws.StageUrl(apiId);

        // Each connect is one request of the quota, however long the connection lives or how much it says.
        for (var i = 0; i < Limit; i++)
        {
            await using var socket = await ConnectAsync(url, value);
            await socket.SendAsync("""{"action":"whoami"}""");
            await socket.ReceiveAsync();
        }

        await AssertRefusedAsync(url, value, 429, """{"message":"Limit Exceeded"}""");

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var usage = await _keys.JsonAsync("get-usage", "--usage-plan-id", planId, "--start-date", today, "--end-date", today);
        Assert.Equal(Limit, usage.GetProperty("items").GetProperty(keyId)[0][0].GetInt64());
    }

    [Fact]
    public async Task PlanThrottle_IsPerKey_OverBurstIs429TooManyRequests()
    {
        const int Burst = 2;
        var apiId = await KeyedApiAsync("/throttled-connect", "prod");
        var (firstId, first) = await KeyAsync("ws-first");
        var (secondId, second) = await KeyAsync("ws-second");
        var planId = await PlanAsync(apiId, "prod", "--throttle", $"burstLimit={Burst},rateLimit=0.2");
        foreach (var keyId in new[] { firstId, secondId })
        {
            await _keys.JsonAsync("create-usage-plan-key", "--usage-plan-id", planId, "--key-id", keyId, "--key-type", "API_KEY");
        }

        var url = _ws.StageUrl(apiId);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3 * Burst; i++)
        {
            var (client, status) = await WsClient.TryConnectWithHeadersAsync(url, KeyHeader(first));
            statuses.Add(status);
            if (client is not null)
            {
                await client.DisposeAsync();
            }
        }

        var admitted = statuses.Count(s => s == HttpStatusCode.SwitchingProtocols);
        Assert.InRange(admitted, Burst, Burst + 1 + (int)(0.2 * clock.Elapsed.TotalSeconds));
        Assert.All(statuses.Where(s => s != HttpStatusCode.SwitchingProtocols), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        await AssertRefusedAsync(url, first, 429, """{"message":"Too Many Requests"}""");

        // The other key in the same plan has a bucket of its own.
        await using var other = await ConnectAsync(url, second);
    }

    [Fact]
    public async Task KeyFromAuthorizer_CannotBeRead_ConnectsAreRefused_AndOnlyAwsExpressionsAreAccepted()
    {
        var apiId = await KeyedApiAsync("/authorizer-key", "prod");
        var (keyId, value) = await KeyAsync("ws-authorizer");
        var planId = await PlanAsync(apiId, "prod");
        await _keys.JsonAsync("create-usage-plan-key", "--usage-plan-id", planId, "--key-id", keyId, "--key-type", "API_KEY");
        var url = _ws.StageUrl(apiId);
        await (await ConnectAsync(url, value)).DisposeAsync();

        // $context.authorizer.usageIdentifierKey comes from a Lambda authorizer, which cannot run here: fail closed.
        await UpdateApiAsync(apiId, "$context.authorizer.usageIdentifierKey");
        Assert.Equal(HttpStatusCode.Forbidden, await WaitForStatusAsync(url, value, HttpStatusCode.Forbidden));

        var invalid = await AwsCli.RunAsync(fixture.Edge.AdminUrl, "apigatewayv2", "update-api", "--api-id", apiId, "--api-key-selection-expression", "$request.header.x-other");
        Assert.NotEqual(0, invalid.ExitCode);
        Assert.Contains("BadRequestException", invalid.Stderr, StringComparison.Ordinal);
        Assert.Contains("Invalid API key selection expression specified: $request.header.x-other", invalid.Stderr, StringComparison.Ordinal);

        await UpdateApiAsync(apiId, "$request.header.x-api-key");
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await WaitForStatusAsync(url, value, HttpStatusCode.SwitchingProtocols));
    }

    [Fact]
    public async Task HttpApiRoute_RequiringApiKey_IsRefusedByTheControlPlane()
    {
        var api = await AwsCli.RunAsync(fixture.Edge.AdminUrl, "apigatewayv2", "create-api", "--name", "http-keys", "--protocol-type", "HTTP");
        var apiId = api.Json().GetProperty("ApiId").GetString()!;

        var created = await AwsCli.RunAsync(fixture.Edge.AdminUrl, "apigatewayv2", "create-route", "--api-id", apiId, "--route-key", "GET /pets", "--api-key-required");
        Assert.NotEqual(0, created.ExitCode);
        Assert.Contains("BadRequestException", created.Stderr, StringComparison.Ordinal);
        Assert.Contains("supported only for WebSocket APIs", created.Stderr, StringComparison.Ordinal);

        var route = await AwsCli.RunAsync(fixture.Edge.AdminUrl, "apigatewayv2", "create-route", "--api-id", apiId, "--route-key", "GET /pets", "--no-api-key-required");
        var routeId = route.Json().GetProperty("RouteId").GetString()!;
        var updated = await AwsCli.RunAsync(fixture.Edge.AdminUrl, "apigatewayv2", "update-route", "--api-id", apiId, "--route-id", routeId, "--api-key-required");
        Assert.NotEqual(0, updated.ExitCode);
        Assert.Contains("BadRequestException", updated.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// A WebSocket API whose <c>$connect</c> requires a key and posts to the recorder at
    /// <paramref name="connectPath"/> with the key and its ID as headers; a two-way <c>whoami</c> route
    /// answers with <c>$context.identity.apiKey(Id)</c>. Auto-deployed to each of <paramref name="stages"/>.
    /// </summary>
    private async Task<string> KeyedApiAsync(string connectPath, params string[] stages)
    {
        var apiId = await _ws.CreateApiAsync();
        var connect = await _ws.CreateIntegrationAsync(apiId, "HTTP", fixture.Recorder.Url + connectPath,
            "--request-parameters", """{"integration.request.header.x-key":"context.identity.apiKey","integration.request.header.x-key-id":"context.identity.apiKeyId"}""");
        await _ws.CreateRouteAsync(apiId, "$connect", connect, "--api-key-required");
        var mock = await _ws.CreateIntegrationAsync(apiId, "MOCK", null,
            "--template-selection-expression", "\\$default",
            "--request-templates", """{"$default":"{\"statusCode\": 200}"}""");
        await _ws.CreateIntegrationResponseAsync(apiId, mock, "$default",
            "--template-selection-expression", "\\$default",
            "--response-templates", """{"$default":"{\"key\": \"$context.identity.apiKey\", \"keyId\": \"$context.identity.apiKeyId\"}"}""");
        var whoami = await _ws.CreateRouteAsync(apiId, "whoami", mock, "--route-response-selection-expression", "$default");
        await _ws.CreateRouteResponseAsync(apiId, whoami);
        foreach (var stage in stages)
        {
            await _ws.CreateStageAsync(apiId, stage);
        }

        return apiId;
    }

    private async Task<(string Id, string Value)> KeyAsync(string name)
    {
        var key = await _keys.JsonAsync("create-api-key", "--name", name, "--enabled");
        return (key.GetProperty("id").GetString()!, key.GetProperty("value").GetString()!);
    }

    /// <summary>A usage plan naming the WebSocket API's stage, as AWS lets a v1 usage plan do.</summary>
    private async Task<string> PlanAsync(string apiId, string stage, params string[] extra)
    {
        var plan = await _keys.JsonAsync(["create-usage-plan", "--name", $"plan-{apiId}", "--api-stages", $"apiId={apiId},stage={stage}", .. extra]);
        Assert.Equal(apiId, plan.GetProperty("apiStages")[0].GetProperty("apiId").GetString());
        return plan.GetProperty("id").GetString()!;
    }

    private async Task UpdateApiAsync(string apiId, string expression)
    {
        var result = await AwsCli.RunAsync(fixture.Edge.AdminUrl, "apigatewayv2", "update-api", "--api-id", apiId, "--api-key-selection-expression", expression);
        Assert.True(result.ExitCode == 0, result.Stderr);
    }

    private static Dictionary<string, string> KeyHeader(string? value) => value is null ? [] : new() { ["x-api-key"] = value };

    private static async Task<WsClient> ConnectAsync(string url, string key)
    {
        var (client, status) = await WsClient.TryConnectWithHeadersAsync(url, KeyHeader(key));
        Assert.True(client is not null, $"the upgrade with a key answered {(int)status}");
        return client!;
    }

    /// <summary>The <c>ws</c> npm client is refused before the handshake with this status and body, and never opens.</summary>
    private static async Task AssertRefusedAsync(string url, string? key, int status, string body)
    {
        var run = await WsNodeClient.RunAsync(url, [], headers: KeyHeader(key));
        Assert.True(run.Refused is not null && run.Opened is null, run.ToString());
        Assert.Equal((status, body), (run.Refused!.Status, run.Refused.Body));
    }

    private static async Task<HttpStatusCode> WaitForStatusAsync(string url, string key, HttpStatusCode wanted)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var (client, status) = await WsClient.TryConnectWithHeadersAsync(url, KeyHeader(key));
            if (client is not null)
            {
                await client.DisposeAsync();
            }

            if (status == wanted || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                return status;
            }

            await Task.Delay(50);
        }
    }
}
