using System.Net;
using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.RestApis;

namespace OrleansGateway.EndToEnd.Tests.Throttling;

/// <summary>
/// Stage, method and route throttles on a real edge with a counting backend behind it: a token bucket
/// admits its burst at once, then its rate; what it refuses never reaches the backend and is
/// answered 429 as AWS answers it (REST: the THROTTLED gateway response, customisable).
/// </summary>
public sealed class StageThrottlingTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>, IAsyncLifetime
{
    private const int Burst = 20;
    private const double Rate = 10;

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly RestAdmin _admin = new(fixture.Edge.AdminUrl);
    private CountingBackend _backend = null!;

    public async ValueTask InitializeAsync() => _backend = await CountingBackend.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _admin.Dispose();
        await _backend.DisposeAsync();
    }

    [Fact]
    public async Task RestStage_AllMethodsLimit_AdmitsBurstThenRate_MethodOverrideWins_ThrottledIsCustomisable()
    {
        var (apiId, rootId) = await _admin.CreateApiAsync(new { name = "throttled-rest" });
        foreach (var name in new[] { "pets", "cats" })
        {
            var resource = await _admin.CreateResourceAsync(apiId, rootId, name);
            await _admin.SendAsync(HttpMethod.Put, $"/restapis/{apiId}/resources/{resource}/methods/GET", new { authorizationType = "NONE" });
            await _admin.SendAsync(HttpMethod.Put, $"/restapis/{apiId}/resources/{resource}/methods/GET/integration",
                new { type = "HTTP_PROXY", httpMethod = "GET", uri = $"{_backend.Url}/rest-{name}" });
        }

        await _admin.DeployAsync(apiId, "prod");
        var update = await AwsCli.RunAsync(fixture.Edge.AdminUrl, "apigateway", "update-stage", "--rest-api-id", apiId, "--stage-name", "prod",
            "--patch-operations",
            $"op=replace,path=/*/*/throttling/rateLimit,value={Rate}",
            $"op=replace,path=/*/*/throttling/burstLimit,value={Burst}",
            "op=replace,path=/~1cats/GET/throttling/rateLimit,value=0",
            "op=replace,path=/~1cats/GET/throttling/burstLimit,value=0");
        Assert.True(update.ExitCode == 0, update.Stderr);
        var settings = update.Json().GetProperty("methodSettings");
        Assert.Equal(Burst, settings.GetProperty("*/*").GetProperty("throttlingBurstLimit").GetInt32());
        Assert.Equal(0, settings.GetProperty("~1cats/GET").GetProperty("throttlingBurstLimit").GetInt32());

        // A method whose own limit is 0 is switched off; it answers AWS's THROTTLED response.
        var cats = $"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod/cats";
        using (var throttled = await ThrottleLoad.WaitForStatusAsync(_http, cats, HttpStatusCode.TooManyRequests))
        {
            Assert.Equal("""{"message":"Too Many Requests"}""", await throttled.Content.ReadAsStringAsync());
            Assert.Equal("application/json", throttled.Content.Headers.ContentType?.MediaType);
            Assert.Equal("TooManyRequestsException", throttled.Headers.GetValues("x-amzn-ErrorType").Single());
            Assert.True(throttled.Headers.Contains("x-amzn-RequestId"));
        }

        // The stage default applies to /pets on its own bucket: the burst at once, then the rate.
        var pets = $"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod/pets";
        var burst = await ThrottleLoad.RunAsync(_http, pets, TimeSpan.FromSeconds(5), maxRequests: 3 * Burst);
        Assert.InRange(burst.Admitted, Burst, Burst + 1 + (int)(Rate * burst.Elapsed.TotalSeconds));
        Assert.Equal(3 * Burst, burst.Admitted + burst.Throttled);

        var steady = await ThrottleLoad.RunAsync(_http, pets, TimeSpan.FromSeconds(2), maxRequests: 20_000, workers: 2);
        var expected = Rate * steady.Elapsed.TotalSeconds;
        Assert.InRange(steady.Admitted, (int)(expected * 0.8) - 1, (int)(expected * 1.2) + 2);
        Assert.Equal(0, steady.Other);
        Assert.Equal(burst.Admitted + steady.Admitted, _backend.CountOf("rest-pets"));
        Assert.Equal(0, _backend.CountOf("rest-cats"));

        // put-gateway-response THROTTLED, deployed: the throttled method answers with it.
        await _admin.SendAsync(HttpMethod.Put, $"/restapis/{apiId}/gatewayresponses/THROTTLED", new
        {
            statusCode = "429",
            responseParameters = new Dictionary<string, string> { ["gatewayresponse.header.Retry-After"] = "'1'" },
            responseTemplates = new Dictionary<string, string> { ["application/json"] = """{"error":"slow down","type":"$context.error.responseType"}""" },
        });
        await _admin.DeployAsync(apiId, "prod");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string body;
        HttpResponseMessage custom;
        do
        {
            custom = await _http.GetAsync(cats);
            body = await custom.Content.ReadAsStringAsync();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), body);
        }
        while (!body.Contains("slow down", StringComparison.Ordinal) && await Delay());

        Assert.Equal(HttpStatusCode.TooManyRequests, custom.StatusCode);
        Assert.Equal("THROTTLED", JsonDocument.Parse(body).RootElement.GetProperty("type").GetString());
        Assert.Equal("1", custom.Headers.GetValues("Retry-After").Single());
        custom.Dispose();
    }

    [Fact]
    public async Task HttpApi_DefaultRouteSettings_AdmitBurstThenRate_PerRoute_RouteSettingsOverride()
    {
        var api = await _admin.SendAsync(HttpMethod.Post, "/v2/apis", new { name = "throttled-http", protocolType = "HTTP" });
        var apiId = api.GetProperty("apiId").GetString()!;
        foreach (var name in new[] { "pets", "dogs", "cats" })
        {
            var integration = await _admin.SendAsync(HttpMethod.Post, $"/v2/apis/{apiId}/integrations", new
            {
                integrationType = "HTTP_PROXY",
                integrationMethod = "GET",
                integrationUri = $"{_backend.Url}/http-{name}",
                payloadFormatVersion = "1.0",
            });
            await _admin.SendAsync(HttpMethod.Post, $"/v2/apis/{apiId}/routes", new
            {
                routeKey = $"GET /{name}",
                target = "integrations/" + integration.GetProperty("integrationId").GetString(),
            });
        }

        await _admin.SendAsync(HttpMethod.Post, $"/v2/apis/{apiId}/stages", new
        {
            stageName = "prod",
            defaultRouteSettings = new { throttlingRateLimit = Rate, throttlingBurstLimit = Burst },
            routeSettings = new Dictionary<string, object> { ["GET /cats"] = new { throttlingRateLimit = 0, throttlingBurstLimit = 0 } },
        });
        await _admin.SendAsync(HttpMethod.Post, $"/v2/apis/{apiId}/deployments", new { stageName = "prod" });

        var stage = $"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod";
        using (var throttled = await ThrottleLoad.WaitForStatusAsync(_http, stage + "/cats", HttpStatusCode.TooManyRequests))
        {
            Assert.Equal("""{"message":"Too Many Requests"}""", await throttled.Content.ReadAsStringAsync());
            Assert.True(throttled.Headers.Contains("apigw-requestid"));
        }

        // The stage's default is one bucket per route: /pets and /dogs each get the whole burst, one
        // request at a time or ten at once.
        var pets = await ThrottleLoad.RunAsync(_http, stage + "/pets", TimeSpan.FromSeconds(5), maxRequests: 3 * Burst);
        var dogs = await ThrottleLoad.RunAsync(_http, stage + "/dogs", TimeSpan.FromSeconds(5), maxRequests: 3 * Burst, workers: 10);
        Assert.InRange(pets.Admitted, Burst, Burst + 1 + (int)(Rate * pets.Elapsed.TotalSeconds));
        Assert.InRange(dogs.Admitted, Burst, Burst + 1 + (int)(Rate * dogs.Elapsed.TotalSeconds));

        var steady = await ThrottleLoad.RunAsync(_http, stage + "/pets", TimeSpan.FromSeconds(2), maxRequests: 20_000, workers: 2);
        var expected = Rate * steady.Elapsed.TotalSeconds;
        Assert.InRange(steady.Admitted, (int)(expected * 0.8) - 1, (int)(expected * 1.2) + 2);
        Assert.Equal(pets.Admitted + steady.Admitted, _backend.CountOf("http-pets"));
        Assert.Equal(0, _backend.CountOf("http-cats"));
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(100);
        return true;
    }
}
