using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using OrleansGateway.EndToEnd.Tests.DataPlane;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.Hostile;

/// <summary>
/// Hostile clients on the data plane: each case gets AWS's status and body (or a closed connection
/// where Kestrel ends it), and the gateway goes on serving the API afterwards.
/// </summary>
public sealed class DataPlaneHostileInputTests(HostileEdgeFixture fixture) : IClassFixture<HostileEdgeFixture>, IDisposable
{
    private static readonly ConditionalWeakTable<HostileEdgeFixture, Task<string>> Apis = new();

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = 16,
        ResponseHeaderEncodingSelector = (_, _) => Encoding.UTF8,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private string DataUrl => fixture.Edge.DataUrl;

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task RandomApiIdsAndHosts_Answer404WithoutGrowingTheEdge()
    {
        await AssertStillServingAsync();
        await SendRandomAsync(3_000);
        var before = ResidentMegabytes();

        var statuses = await SendRandomAsync(40_000);

        var grown = ResidentMegabytes() - before;
        Assert.Equal([HttpStatusCode.NotFound], statuses);

        // Remembering or activating anything per unknown ID cost about 4 KB a request (160 MB here).
        Assert.True(grown < 48, $"the edge grew by {grown} MB over 40,000 requests naming unknown APIs");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task OversizeAndTooManyHeaders_Answer431()
    {
        var url = await UrlAsync("/echo/headers");
        using var big = new HttpRequestMessage(HttpMethod.Get, url);
        big.Headers.Add("x-big", new string('a', 11 * 1024));
        using var bigResponse = await _http.SendAsync(big);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, bigResponse.StatusCode);

        using var many = new HttpRequestMessage(HttpMethod.Get, url);
        for (var i = 0; i < 150; i++)
        {
            many.Headers.Add($"x-h{i}", "v");
        }

        using var manyResponse = await _http.SendAsync(many);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, manyResponse.StatusCode);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task SlowlorisHeaders_AreCutOffAtTheHeadersTimeout()
    {
        var path = new Uri(await UrlAsync("/echo/slow")).PathAndQuery;
        using var connection = await RawHttpConnection.OpenAsync(DataUrl);
        var started = Stopwatch.StartNew();
        Assert.True(await connection.TrySendAsync($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
        var reading = connection.ReadUntilClosedAsync(TimeSpan.FromSeconds(10));
        while (!reading.IsCompleted && started.Elapsed < TimeSpan.FromSeconds(10) && await connection.TrySendAsync("x-slow: 1\r\n"))
        {
            await Task.WhenAny(reading, Task.Delay(300));
        }

        var answer = await reading;
        Assert.NotNull(answer);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(8), $"headers dripped for {started.Elapsed}");
        Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), answer);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task SlowRequestBody_IsCutOffBelowTheMinimumRate()
    {
        var path = new Uri(await UrlAsync("/echo/upload")).PathAndQuery;
        using var connection = await RawHttpConnection.OpenAsync(DataUrl);
        var started = Stopwatch.StartNew();
        Assert.True(await connection.TrySendAsync($"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n"));
        var reading = connection.ReadUntilClosedAsync(TimeSpan.FromSeconds(15));
        while (!reading.IsCompleted && started.Elapsed < TimeSpan.FromSeconds(15) && await connection.TrySendAsync("a"))
        {
            await Task.WhenAny(reading, Task.Delay(200));
        }

        Assert.NotNull(await reading);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"a body at 5 bytes/s was read for {started.Elapsed}");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task DrippingBackend_IsCutOffAtTheIntegrationTimeout()
    {
        // The backend sends its headers at once, then a byte every 100 ms for 4 s; the route's timeout is 1 s.
        var started = Stopwatch.StartNew();
        using var response = await _http.GetAsync(await UrlAsync("/drip"), HttpCompletionOption.ResponseHeadersRead);
        var read = 0;
        var failed = false;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64];
            for (int n; (n = await body.ReadAsync(buffer)) > 0;)
            {
                read += n;
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            failed = true;
        }

        Assert.True(failed, $"the whole dripped answer ({read} bytes) arrived after {started.Elapsed}");
        Assert.True(read < 40, $"{read} bytes");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(3), $"cut off after {started.Elapsed}");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task MappedHeaderValues_CannotInjectHeadersAndKeepNonAsciiText()
    {
        using var injected = await _http.GetAsync(await UrlAsync("/echo/map?q=a%0D%0Ax-injected:%201"));
        Assert.Equal(HttpStatusCode.OK, injected.StatusCode);
        var echoed = await EchoedRequest.ReadAsync(injected);
        Assert.Equal("a  x-injected: 1", echoed.Header("x-q"));
        Assert.Null(echoed.Header("x-injected"));
        Assert.Equal("a  x-injected: 1", injected.Headers.GetValues("x-r").Single());
        Assert.False(injected.Headers.Contains("x-injected"));

        using var unicode = await _http.GetAsync(await UrlAsync("/echo/map?q=%C3%A9t%C3%A9%20%E2%9C%93"));
        Assert.Equal(HttpStatusCode.OK, unicode.StatusCode);
        Assert.Equal("été ✓", (await EchoedRequest.ReadAsync(unicode)).Header("x-q"));
        Assert.Equal("été ✓", unicode.Headers.GetValues("x-r").Single());
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task CorsAnswersThatReflectAnOrigin_CarryVaryOrigin()
    {
        var url = await UrlAsync("/echo/cors");
        using var actual = new HttpRequestMessage(HttpMethod.Get, url);
        actual.Headers.Add("Origin", "https://b.example");
        using var actualResponse = await _http.SendAsync(actual);
        Assert.Equal("https://b.example", actualResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Origin", actualResponse.Headers.Vary);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, url);
        preflight.Headers.Add("Origin", "https://a.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var preflightResponse = await _http.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, preflightResponse.StatusCode);
        Assert.Equal("https://a.example", preflightResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Origin", preflightResponse.Headers.Vary);
    }

    [Fact]
    public async Task IntegrationLedToTheAdminEndpointByAStageVariable_IsNeverConnected()
    {
        // The control plane refuses admin URIs it can see; a stage variable names the host only per stage.
        var admin = new Uri(fixture.Edge.AdminUrl);
        var cli = new HttpApiCli(fixture.Edge);
        var apiId = await cli.CreateApiAsync();
        var integration = await cli.CreateIntegrationAsync(apiId, "http://${stageVariables.h}/v2/apis", "--integration-method", "GET");
        await cli.CreateRouteAsync(apiId, "GET /list", integration);
        await cli.CreateStageAsync(apiId, "prod", "--stage-variables", $"h=localhost:{admin.Port}");
        await cli.CreateStageAsync(apiId, "ip", "--stage-variables", $"h=127.0.0.1:{admin.Port}");
        await cli.DeployAsync(apiId, "prod");
        await cli.DeployAsync(apiId, "ip");

        foreach (var stage in new[] { "prod", "ip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{DataUrl}/_aws/execute-api/{apiId}/{stage}/list");
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var response = await _http.SendAsync(request);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("""{"message":"Internal Server Error"}""", await response.Content.ReadAsStringAsync());
        }

        await AssertStillServingAsync();
    }

    private async Task AssertStillServingAsync()
    {
        using var response = await _http.GetAsync(await UrlAsync("/echo/still-serving"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/still-serving", (await EchoedRequest.ReadAsync(response)).Path);
    }

    private async Task<string> UrlAsync(string path) =>
        $"{DataUrl}/_aws/execute-api/{await Apis.GetValue(fixture, f => CreateApiAsync(f.Edge, f.Backend.Url))}/prod{path}";

    /// <summary>Requests naming made-up API IDs through every invoke URL form, and made-up custom domain names.</summary>
    private async Task<HttpStatusCode[]> SendRandomAsync(int count)
    {
        var statuses = new HttpStatusCode[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, cancellationToken) =>
        {
            var id = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..10];
            using var request = (i % 4) switch
            {
                0 => new HttpRequestMessage(HttpMethod.Get, $"{DataUrl}/_aws/execute-api/{id}/prod/x"),
                1 => new HttpRequestMessage(HttpMethod.Get, $"{DataUrl}/restapis/{id}/prod/_user_request_/x"),
                2 => new HttpRequestMessage(HttpMethod.Get, $"{DataUrl}/prod/x") { Headers = { Host = $"{id}.execute-api.localhost" } },
                _ => new HttpRequestMessage(HttpMethod.Get, $"{DataUrl}/x") { Headers = { Host = $"{id}.example.com" } },
            };
            using var response = await _http.SendAsync(request, cancellationToken);
            statuses[i] = response.StatusCode;
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                Assert.Equal("""{"message":"Not Found"}""", await response.Content.ReadAsStringAsync(cancellationToken));
            }
        });
        return [.. statuses.Distinct()];
    }

    private long ResidentMegabytes()
    {
        var status = File.ReadAllLines($"/proc/{fixture.Edge.Process.Id}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(status.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    private static async Task<string> CreateApiAsync(EdgeHost edge, string backendUrl)
    {
        var cli = new HttpApiCli(edge);
        var apiId = await cli.CreateApiAsync("--cors-configuration", "AllowOrigins=https://a.example,https://b.example,AllowMethods=GET");
        var echo = await cli.CreateIntegrationAsync(apiId, backendUrl + "/{proxy}",
            "--request-parameters", """{"overwrite:header.x-q":"$request.querystring.q"}""",
            "--response-parameters", """{"200":{"overwrite:header.x-r":"$request.querystring.q"}}""");
        var drip = await cli.CreateIntegrationAsync(apiId, backendUrl + "/drip/40", "--integration-method", "GET", "--timeout-in-millis", "1000");
        await cli.CreateRouteAsync(apiId, "ANY /echo/{proxy+}", echo);
        await cli.CreateRouteAsync(apiId, "GET /drip", drip);
        await cli.CreateStageAsync(apiId, "prod");
        await cli.DeployAsync(apiId, "prod");
        return apiId;
    }
}
