using System.Globalization;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.DataPlane;

/// <summary>
/// HTTP APIs created with the AWS CLI on the real edge, called over real sockets, with a real
/// backend behind them: what a client of the data plane sees.
/// </summary>
public sealed class HttpApiDataPlaneTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>, IDisposable
{
    private readonly HttpApiCli _cli = new(fixture.Edge);
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    private string DataUrl => fixture.Edge.DataUrl;

    private string BackendUrl => fixture.Backend.Url;

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task QuickCreatedApi_ProxiesThroughAllThreeInvokeUrlForms()
    {
        var apiId = await _cli.QuickCreateAsync(BackendUrl);

        using var byHost = new HttpRequestMessage(HttpMethod.Get, $"{DataUrl}/echo/host?q=1");
        byHost.Headers.Host = $"{apiId}.execute-api.localhost";
        var urls = new (string Name, HttpRequestMessage Request, string Path)[]
        {
            ("host", byHost, "/echo/host"),
            ("_aws", new HttpRequestMessage(HttpMethod.Get, $"{DataUrl}/_aws/execute-api/{apiId}/echo/aws?q=1"), "/echo/aws"),
            ("_aws $default", new HttpRequestMessage(HttpMethod.Get, $"{DataUrl}/_aws/execute-api/{apiId}/$default/echo/named?q=1"), "/echo/named"),
            ("restapis", new HttpRequestMessage(HttpMethod.Get, $"{DataUrl}/restapis/{apiId}/$default/_user_request_/echo/user?q=1"), "/echo/user"),
        };

        foreach (var (name, request, path) in urls)
        {
            using var response = await _http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.True(response.Headers.Contains("apigw-requestid"), name);
            var echoed = await EchoedRequest.ReadAsync(response);
            Assert.Equal(path, echoed.Path);
            Assert.Equal("?q=1", echoed.RawQuery);
            Assert.Equal("GET", echoed.Method);
            Assert.Equal("127.0.0.1", echoed.Header("x-forwarded-for"));
            Assert.Equal("http", echoed.Header("x-forwarded-proto"));
            Assert.Equal(new Uri(DataUrl).Port.ToString(), echoed.Header("x-forwarded-port"));
            Assert.Equal(new Uri(BackendUrl).Authority, echoed.Header("host"));
            request.Dispose();
        }
    }

    [Fact]
    public async Task DefaultRouteOnNamedStage_ForwardsThePathWithItsStage()
    {
        var apiId = await _cli.QuickCreateAsync(BackendUrl);
        await _cli.CreateStageAsync(apiId, "beta");
        await _cli.DeployAsync(apiId, "beta");

        using var byHost = new HttpRequestMessage(HttpMethod.Get, $"{DataUrl}/beta/orders/1");
        byHost.Headers.Host = $"{apiId}.execute-api.localhost";
        using var named = await _http.SendAsync(byHost);
        Assert.Equal("/beta/orders/1", (await EchoedRequest.ReadAsync(named)).Path);

        using var user = await _http.GetAsync($"{DataUrl}/restapis/{apiId}/beta/_user_request_/orders/2");
        Assert.Equal("/beta/orders/2", (await EchoedRequest.ReadAsync(user)).Path);

        // Any other first segment is not a stage: the $default stage gets the whole path.
        using var other = await _http.GetAsync($"{DataUrl}/_aws/execute-api/{apiId}/gamma/orders/3");
        Assert.Equal("/gamma/orders/3", (await EchoedRequest.ReadAsync(other)).Path);
    }

    [Fact]
    public async Task GreedyPathVariable_IsForwardedIntoTheIntegrationUri()
    {
        var apiId = await _cli.CreateApiAsync();
        var greedy = await _cli.CreateIntegrationAsync(apiId, BackendUrl + "/base/{proxy}");
        var single = await _cli.CreateIntegrationAsync(apiId, BackendUrl + "/items/{id}/detail", "--integration-method", "PUT");
        await _cli.CreateRouteAsync(apiId, "ANY /api/{proxy+}", greedy);
        await _cli.CreateRouteAsync(apiId, "GET /items/{id}", single);
        await _cli.CreateStageAsync(apiId, "prod");
        await _cli.DeployAsync(apiId, "prod");

        using var post = await _http.PostAsync($"{DataUrl}/_aws/execute-api/{apiId}/prod/api/a/b%20c/d?x=1&x=2", new StringContent("hello"));
        var echoed = await EchoedRequest.ReadAsync(post);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal("POST", echoed.Method);
        Assert.Equal("/base/a/b c/d", echoed.Path);
        Assert.Equal("?x=1&x=2", echoed.RawQuery);
        Assert.Equal("hello", echoed.Body);

        using var get = await _http.GetAsync($"{DataUrl}/_aws/execute-api/{apiId}/prod/items/42");
        var item = await EchoedRequest.ReadAsync(get);
        Assert.Equal("/items/42/detail", item.Path);
        Assert.Equal("PUT", item.Method);
    }

    [Fact]
    public async Task StageVariables_AreSubstitutedInTheIntegrationUri()
    {
        var apiId = await _cli.CreateApiAsync();
        var integration = await _cli.CreateIntegrationAsync(apiId, "http://${stageVariables.backend}/${stageVariables.version}/{proxy}");
        await _cli.CreateRouteAsync(apiId, "ANY /{proxy+}", integration);
        var backend = new Uri(BackendUrl).Authority;
        await _cli.CreateStageAsync(apiId, "blue", "--stage-variables", $"backend={backend},version=v1");
        await _cli.CreateStageAsync(apiId, "green", "--stage-variables", $"backend={backend},version=v2");
        await _cli.DeployAsync(apiId, "blue");
        await _cli.DeployAsync(apiId, "green");

        using var blue = await _http.GetAsync($"{DataUrl}/_aws/execute-api/{apiId}/blue/orders");
        Assert.Equal("/v1/orders", (await EchoedRequest.ReadAsync(blue)).Path);
        using var green = await _http.GetAsync($"{DataUrl}/_aws/execute-api/{apiId}/green/orders");
        Assert.Equal("/v2/orders", (await EchoedRequest.ReadAsync(green)).Path);
    }

    [Fact]
    public async Task ParameterMapping_ChangesWhatTheBackendAndClientSee()
    {
        var apiId = await _cli.CreateApiAsync();
        var integration = await _cli.CreateIntegrationAsync(apiId, BackendUrl,
            "--request-parameters",
            """
            {"append:header.x-added":"static-${request.path.name}",
             "overwrite:header.x-from-query":"$request.querystring.q",
             "remove:header.x-secret":"''",
             "overwrite:querystring.page":"1",
             "append:querystring.who":"$request.path.name",
             "remove:querystring.debug":"''",
             "overwrite:path":"/mapped/$request.path.name"}
            """,
            "--response-parameters",
            """{"200":{"overwrite:statuscode":"202","append:header.x-stage":"$context.stage","overwrite:header.x-backend-type":"$response.header.content-type"}}""");
        await _cli.CreateRouteAsync(apiId, "GET /people/{name}", integration);
        await _cli.CreateStageAsync(apiId, "$default");
        await _cli.DeployAsync(apiId, "$default");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{DataUrl}/_aws/execute-api/{apiId}/people/ann?q=hello&page=7&debug=1");
        request.Headers.Add("x-secret", "s3cret");
        using var response = await _http.SendAsync(request);
        var echoed = await EchoedRequest.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/mapped/ann", echoed.Path);
        Assert.Equal("?q=hello&page=1&who=ann", echoed.RawQuery);
        Assert.Equal("static-ann", echoed.Header("x-added"));
        Assert.Equal("hello", echoed.Header("x-from-query"));
        Assert.Null(echoed.Header("x-secret"));
        Assert.Equal("$default", response.Headers.GetValues("x-stage").Single());
        Assert.Equal("application/json", response.Headers.GetValues("x-backend-type").Single());
    }

    [Fact]
    public async Task ParameterMapping_RequestTimeVariables_AreOneInstantInAwsFormats()
    {
        var apiId = await _cli.CreateApiAsync();
        var integration = await _cli.CreateIntegrationAsync(apiId, BackendUrl,
            "--request-parameters",
            """{"overwrite:header.x-time":"$context.requestTime","overwrite:header.x-epoch":"$context.requestTimeEpoch"}""");
        await _cli.CreateRouteAsync(apiId, "GET /clock", integration);
        await _cli.CreateStageAsync(apiId, "$default");
        await _cli.DeployAsync(apiId, "$default");

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var response = await _http.GetAsync($"{DataUrl}/_aws/execute-api/{apiId}/clock");
        var echoed = await EchoedRequest.ReadAsync(response);

        var text = echoed.Header("x-time")!;
        var time = DateTimeOffset.ParseExact(text, "dd/MMM/yyyy:HH:mm:ss zzz", CultureInfo.InvariantCulture);
        var epoch = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(echoed.Header("x-epoch")!, CultureInfo.InvariantCulture));
        Assert.EndsWith(" +0000", text, StringComparison.Ordinal);
        Assert.Equal(time, epoch.AddTicks(-(epoch.Ticks % TimeSpan.TicksPerSecond)));
        Assert.InRange(epoch, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task ParameterMapping_BodyJsonPaths_ReadTheRequestAndResponseBodies()
    {
        var apiId = await _cli.CreateApiAsync();
        var integration = await _cli.CreateIntegrationAsync(apiId, BackendUrl,
            "--request-parameters",
            """{"overwrite:header.x-name":"$request.body.name","append:querystring.first":"$request.body.items[0].id","overwrite:header.x-missing":"$request.body.nope"}""",
            "--response-parameters",
            """{"200":{"overwrite:header.x-echoed-method":"$response.body.method","overwrite:header.x-echoed-name":"$response.body.headers.x-name"}}""");
        await _cli.CreateRouteAsync(apiId, "POST /orders", integration);
        await _cli.CreateStageAsync(apiId, "$default");
        await _cli.DeployAsync(apiId, "$default");
        const string body = """{"name":"Ann","items":[{"id":7},{"id":8}]}""";

        using var response = await _http.PostAsync($"{DataUrl}/_aws/execute-api/{apiId}/orders",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var echoed = await EchoedRequest.ReadAsync(response);

        Assert.Equal("Ann", echoed.Header("x-name"));
        Assert.Equal("", echoed.Header("x-missing"));
        Assert.Equal("?first=7", echoed.RawQuery);
        Assert.Equal(body, echoed.Body);
        Assert.Equal("POST", response.Headers.GetValues("x-echoed-method").Single());
        Assert.Equal("Ann", response.Headers.GetValues("x-echoed-name").Single());
    }

    [Fact]
    public async Task ParameterMapping_BodyOfNonJsonRequest_MapsNothingAndForwardsTheBody()
    {
        var apiId = await _cli.CreateApiAsync();
        var integration = await _cli.CreateIntegrationAsync(apiId, BackendUrl,
            "--request-parameters", """{"overwrite:header.x-name":"$request.body.name"}""");
        await _cli.CreateRouteAsync(apiId, "POST /notes", integration);
        await _cli.CreateStageAsync(apiId, "$default");
        await _cli.DeployAsync(apiId, "$default");

        using var response = await _http.PostAsync($"{DataUrl}/_aws/execute-api/{apiId}/notes", new StringContent("name=Ann"));
        var echoed = await EchoedRequest.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", echoed.Header("x-name"));
        Assert.Equal("name=Ann", echoed.Body);
    }

    [Fact]
    public async Task CorsPreflight_IsAnsweredByTheGatewayFromTheApisConfiguration()
    {
        var apiId = await _cli.QuickCreateAsync(BackendUrl, "--cors-configuration",
            "AllowOrigins=https://app.example,AllowMethods=GET,POST,AllowHeaders=content-type,x-api-key,ExposeHeaders=x-total,MaxAge=300,AllowCredentials=true");
        var url = $"{DataUrl}/_aws/execute-api/{apiId}/things";

        using var preflight = new HttpRequestMessage(HttpMethod.Options, url);
        preflight.Headers.Add("Origin", "https://app.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var allowed = await _http.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("https://app.example", Single(allowed, "Access-Control-Allow-Origin"));
        Assert.Equal("GET,POST", Single(allowed, "Access-Control-Allow-Methods"));
        Assert.Equal("content-type,x-api-key", Single(allowed, "Access-Control-Allow-Headers"));
        Assert.Equal("300", Single(allowed, "Access-Control-Max-Age"));
        Assert.Equal("true", Single(allowed, "Access-Control-Allow-Credentials"));

        using var foreign = new HttpRequestMessage(HttpMethod.Options, url);
        foreign.Headers.Add("Origin", "https://evil.example");
        foreign.Headers.Add("Access-Control-Request-Method", "POST");
        using var refused = await _http.SendAsync(foreign);
        Assert.Equal(HttpStatusCode.NoContent, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));

        using var actual = new HttpRequestMessage(HttpMethod.Get, url);
        actual.Headers.Add("Origin", "https://app.example");
        using var response = await _http.SendAsync(actual);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://app.example", Single(response, "Access-Control-Allow-Origin"));
        Assert.Equal("x-total", Single(response, "Access-Control-Expose-Headers"));
        Assert.Equal("/things", (await EchoedRequest.ReadAsync(response)).Path);
    }

    [Fact]
    public async Task PayloadOverTenMegabytes_IsRefusedWith413()
    {
        var apiId = await _cli.QuickCreateAsync(BackendUrl);
        var url = $"{DataUrl}/_aws/execute-api/{apiId}/upload";

        using var declared = await _http.PostAsync(url, new ByteArrayContent(new byte[(10 * 1024 * 1024) + 1]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal("""{"message":"Request Entity Too Large"}""", await declared.Content.ReadAsStringAsync());

        using var chunked = await _http.PostAsync(url, new ChunkedContent(11 * 1024 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal("""{"message":"Request Entity Too Large"}""", await chunked.Content.ReadAsStringAsync());

        using var fits = await _http.PostAsync(url, new ByteArrayContent(new byte[9 * 1024 * 1024]));
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        Assert.Equal(9 * 1024 * 1024, (await EchoedRequest.ReadAsync(fits)).BodyLength);
    }

    [Fact]
    public async Task SlowIntegration_TimesOutAfterTimeoutInMillis()
    {
        var apiId = await _cli.CreateApiAsync();
        var slow = await _cli.CreateIntegrationAsync(apiId, BackendUrl + "/delay/5000", "--timeout-in-millis", "1000");
        var quick = await _cli.CreateIntegrationAsync(apiId, BackendUrl + "/delay/200", "--timeout-in-millis", "1000");
        await _cli.CreateRouteAsync(apiId, "GET /slow", slow);
        await _cli.CreateRouteAsync(apiId, "GET /quick", quick);
        await _cli.CreateStageAsync(apiId, "$default");
        await _cli.DeployAsync(apiId, "$default");
        await WarmUpAsync($"{DataUrl}/_aws/execute-api/{apiId}/quick");

        var clock = Stopwatch.StartNew();
        using var response = await _http.GetAsync($"{DataUrl}/_aws/execute-api/{apiId}/slow");
        clock.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"message":"Service Unavailable"}""", await response.Content.ReadAsStringAsync());
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromMilliseconds(3000));

        using var inTime = await _http.GetAsync($"{DataUrl}/_aws/execute-api/{apiId}/quick");
        Assert.Equal(HttpStatusCode.OK, inTime.StatusCode);
    }

    [Fact]
    public async Task UnreachableBackend_Answers500()
    {
        var apiId = await _cli.QuickCreateAsync($"http://127.0.0.1:{FreePort.Next()}");

        using var response = await _http.GetAsync($"{DataUrl}/_aws/execute-api/{apiId}/anything");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HealthzPathOfAnApiByHostName_IsTheApisNotTheGateways()
    {
        var apiId = await _cli.QuickCreateAsync(BackendUrl);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{DataUrl}/healthz");
        request.Headers.Host = $"{apiId}.execute-api.localhost";
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/healthz", (await EchoedRequest.ReadAsync(response)).Path);
    }

    [Fact]
    public async Task NothingToServe_Answers404NotFound()
    {
        var apiId = await _cli.CreateApiAsync();
        var integration = await _cli.CreateIntegrationAsync(apiId, BackendUrl);
        await _cli.CreateRouteAsync(apiId, "GET /only", integration);
        await _cli.CreateStageAsync(apiId, "prod");
        await _cli.DeployAsync(apiId, "prod");

        using var served = await _http.GetAsync($"{DataUrl}/_aws/execute-api/{apiId}/prod/only");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);

        string[] missing =
        [
            $"/_aws/execute-api/{apiId}/prod/other",
            $"/_aws/execute-api/{apiId}/only",
            $"/_aws/execute-api/zz9unknown/prod/only",
            $"/restapis/{apiId}/beta/_user_request_/only",
            "/not-an-invoke-url",
        ];
        foreach (var path in missing)
        {
            using var post = await _http.PostAsync(DataUrl + path, new StringContent("x"));
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, path);
            Assert.Equal("""{"message":"Not Found"}""", await post.Content.ReadAsStringAsync());
        }

        using var wrongMethod = await _http.PostAsync($"{DataUrl}/_aws/execute-api/{apiId}/prod/only", new StringContent("x"));
        Assert.Equal(HttpStatusCode.NotFound, wrongMethod.StatusCode);
    }

    [Fact]
    public async Task RollbackWithUpdateStage_IsServedWithinOneSecond()
    {
        var apiId = await _cli.CreateApiAsync();
        var integration = await _cli.CreateIntegrationAsync(apiId, BackendUrl + "/v1/{proxy}");
        await _cli.CreateRouteAsync(apiId, "ANY /{proxy+}", integration);
        await _cli.CreateStageAsync(apiId, "prod");
        var first = await _cli.DeployAsync(apiId, "prod");
        await _cli.UpdateIntegrationAsync(apiId, integration, "--integration-uri", BackendUrl + "/v2/{proxy}");
        await _cli.DeployAsync(apiId, "prod");
        var url = $"{DataUrl}/_aws/execute-api/{apiId}/prod/ping";

        // Warm: the edge has the second deployment cached.
        Assert.Equal("/v2/ping", await PathAtBackendAsync(url));

        await _cli.UpdateStageAsync(apiId, "prod", "--deployment-id", first);
        var clock = Stopwatch.StartNew();
        string path;
        do
        {
            path = await PathAtBackendAsync(url);
        }
        while (path != "/v1/ping" && clock.Elapsed < TimeSpan.FromSeconds(3));

        Assert.Equal("/v1/ping", path);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"rollback served after {clock.Elapsed}");
    }

    [Fact]
    public async Task LargeResponse_IsStreamedIntact()
    {
        const long Length = 50L * 1024 * 1024;
        var apiId = await _cli.QuickCreateAsync(BackendUrl);

        using var response = await _http.GetAsync($"{DataUrl}/_aws/execute-api/{apiId}/bytes/{Length}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var received = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var expected = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var pattern = new byte[buffer.Length];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            received.AppendData(buffer, 0, read);
            for (var i = 0; i < read; i++)
            {
                pattern[i] = EchoBackend.PatternByte(total + i);
            }

            expected.AppendData(pattern, 0, read);
            total += read;
        }

        Assert.Equal(Length, total);
        Assert.Equal(Convert.ToHexString(expected.GetHashAndReset()), Convert.ToHexString(received.GetHashAndReset()));
    }

    [Fact]
    public async Task DisabledExecuteApiEndpoint_Answers403()
    {
        var apiId = await _cli.QuickCreateAsync(BackendUrl, "--disable-execute-api-endpoint");

        using var response = await _http.GetAsync($"{DataUrl}/_aws/execute-api/{apiId}/x");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"message":"Forbidden"}""", await response.Content.ReadAsStringAsync());
    }

    private async Task<string> PathAtBackendAsync(string url)
    {
        using var response = await _http.GetAsync(url);
        return (await EchoedRequest.ReadAsync(response)).Path;
    }

    private async Task WarmUpAsync(string url)
    {
        using var response = await _http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"no {header} header");
}
