using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.DataPlane;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.RestApis;

/// <summary>
/// REST APIs built with <c>aws apigateway</c> on the real edge, deployed and called over real
/// sockets, with a real backend behind the HTTP integrations: what a client of the data plane sees.
/// </summary>
public sealed class RestApiDataPlaneTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>, IDisposable
{
    private readonly RestApiCli _cli = new(fixture.Edge);
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    private string DataUrl => fixture.Edge.DataUrl;

    private string BackendUrl => fixture.Backend.Url;

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task MockMethod_RendersItsResponseTemplate_OnAllThreeInvokeUrlForms()
    {
        var (apiId, rootId) = await _cli.CreateApiAsync();
        var pets = await _cli.CreateResourcesAsync(apiId, rootId, "/pets/{petId}");
        await _cli.MethodAsync(apiId, pets, "GET", "MOCK",
            ["--request-templates", """{"application/json":"{\"statusCode\": 200}"}"""],
            ["--response-templates", """{"application/json":"{\"id\":\"$input.params('petId')\",\"q\":\"$input.params('q')\",\"stage\":\"$context.stage\",\"resourcePath\":\"$context.resourcePath\",\"path\":\"$context.path\",\"method\":\"$context.httpMethod\"}"}"""]);
        await _cli.DeployAsync(apiId, "prod");

        using var byHost = new HttpRequestMessage(HttpMethod.Get, $"{DataUrl}/prod/pets/7?q=a");
        byHost.Headers.Host = $"{apiId}.execute-api.localhost";
        var requests = new[]
        {
            byHost,
            new HttpRequestMessage(HttpMethod.Get, $"{DataUrl}/_aws/execute-api/{apiId}/prod/pets/7?q=a"),
            new HttpRequestMessage(HttpMethod.Get, $"{DataUrl}/restapis/{apiId}/prod/_user_request_/pets/7?q=a"),
        };
        foreach (var request in requests)
        {
            using var response = await _http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.Contains("x-amzn-RequestId"));
            using var json = JsonDocument.Parse(body);
            Assert.Equal("7", json.RootElement.GetProperty("id").GetString());
            Assert.Equal("a", json.RootElement.GetProperty("q").GetString());
            Assert.Equal("prod", json.RootElement.GetProperty("stage").GetString());
            Assert.Equal("/pets/{petId}", json.RootElement.GetProperty("resourcePath").GetString());
            Assert.Equal("/prod/pets/7", json.RootElement.GetProperty("path").GetString());
            Assert.Equal("GET", json.RootElement.GetProperty("method").GetString());
            request.Dispose();
        }
    }

    [Fact]
    public async Task UnknownResourceOrMethod_Answers403MissingAuthenticationToken_UnknownStage403Forbidden()
    {
        var (apiId, rootId) = await _cli.CreateApiAsync();
        var pets = await _cli.CreateResourcesAsync(apiId, rootId, "/pets");
        await _cli.MethodAsync(apiId, pets, "GET", "MOCK", ["--request-templates", """{"application/json":"{\"statusCode\": 200}"}"""]);
        await _cli.DeployAsync(apiId, "prod");

        foreach (var (method, path) in new[] { ("GET", "/prod/cats"), ("POST", "/prod/pets"), ("GET", "/prod") })
        {
            var (status, headers, body) = await SendAsync(method, $"/_aws/execute-api/{apiId}{path}");
            Assert.Equal(403, status);
            Assert.Equal("""{"message":"Missing Authentication Token"}""", body);
            Assert.Equal("MissingAuthenticationTokenException", headers["x-amzn-ErrorType"]);
        }

        var (stageStatus, _, stageBody) = await SendAsync("GET", $"/_aws/execute-api/{apiId}/dev/pets");
        Assert.Equal(403, stageStatus);
        Assert.Equal("""{"message":"Forbidden"}""", stageBody);
    }

    [Fact]
    public async Task HttpProxy_GreedyResource_ForwardsMethodPathQueryHeadersAndBody()
    {
        var (apiId, rootId) = await _cli.CreateApiAsync();
        var proxy = await _cli.CreateResourcesAsync(apiId, rootId, "/{proxy+}");
        await _cli.MethodAsync(apiId, proxy, "ANY", "HTTP_PROXY",
            ["--integration-http-method", "ANY", "--uri", $"{BackendUrl}/echo/{{proxy}}",
             "--request-parameters", """{"integration.request.path.proxy":"method.request.path.proxy"}"""],
            methodExtra: ["--request-parameters", """{"method.request.path.proxy":true}"""]);
        await _cli.DeployAsync(apiId, "prod");

        using var request = new HttpRequestMessage(HttpMethod.Put, $"{DataUrl}/_aws/execute-api/{apiId}/prod/a/b%20c/d?x=1&x=2")
        {
            Content = new StringContent("hello", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("X-Custom", "yes");
        using var response = await _http.SendAsync(request);
        var echoed = await EchoedRequest.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("PUT", echoed.Method);
        Assert.Equal("/echo/a/b c/d", echoed.Path);
        Assert.Equal("?x=1&x=2", echoed.RawQuery);
        Assert.Equal("yes", echoed.Header("x-custom"));
        Assert.Equal("hello", echoed.Body);
    }

    [Fact]
    public async Task HttpIntegration_MapsParametersAndTemplates_SelectsTheIntegrationResponseByStatus()
    {
        var (apiId, rootId) = await _cli.CreateApiAsync();
        var item = await _cli.CreateResourcesAsync(apiId, rootId, "/items/{code}");
        await _cli.PutMethodAsync(apiId, item, "POST", "--request-parameters", """{"method.request.path.code":true,"method.request.header.x-tenant":false}""");
        await _cli.PutIntegrationAsync(apiId, item, "POST", "HTTP",
            "--integration-http-method", "POST", "--uri", $"{BackendUrl}/status/{{code}}",
            "--request-parameters", """{"integration.request.path.code":"method.request.path.code","integration.request.header.x-tenant":"method.request.header.x-tenant","integration.request.querystring.source":"'gateway'"}""",
            "--request-templates", """{"application/json":"{\"name\":$input.json('$.name'),\"stage\":\"$context.stage\"}"}""");
        await _cli.PutMethodResponseAsync(apiId, item, "POST", "200", "--response-parameters", """{"method.response.header.x-backend-status":false}""");
        await _cli.PutMethodResponseAsync(apiId, item, "POST", "400");
        await _cli.PutIntegrationResponseAsync(apiId, item, "POST", "200",
            "--response-parameters", """{"method.response.header.x-backend-status":"'ok'"}""",
            "--response-templates", """{"application/json":"{\"received\":$input.json('$.body'),\"tenant\":\"$input.path('$.headers')['x-tenant']\",\"query\":\"$input.path('$.rawQuery')\"}"}""");
        await _cli.PutIntegrationResponseAsync(apiId, item, "POST", "400", "--selection-pattern", "4\\d{2}",
            "--response-templates", """{"application/json":"{\"error\":\"backend said $input.path('$.path')\"}"}""");
        await _cli.DeployAsync(apiId, "prod");

        var (status, headers, body) = await SendAsync("POST", $"/_aws/execute-api/{apiId}/prod/items/200", """{"name":"rex","age":3}""", ("x-tenant", "acme"));
        Assert.True(status == 200, body);
        Assert.Equal("ok", headers["x-backend-status"]);
        using (var json = JsonDocument.Parse(body))
        {
            Assert.Equal("""{"name":"rex","stage":"prod"}""", json.RootElement.GetProperty("received").GetString());
            Assert.Equal("acme", json.RootElement.GetProperty("tenant").GetString());
            Assert.Equal("?source=gateway", json.RootElement.GetProperty("query").GetString());
        }

        var (missing, _, missingBody) = await SendAsync("POST", $"/_aws/execute-api/{apiId}/prod/items/404", """{"name":"rex"}""");
        Assert.Equal(400, missing);
        Assert.Equal("""{"error":"backend said /status/404"}""", missingBody);
    }

    [Fact]
    public async Task PassthroughNever_WithoutMatchingTemplate_Answers415()
    {
        var (apiId, rootId) = await _cli.CreateApiAsync();
        var r = await _cli.CreateResourcesAsync(apiId, rootId, "/strict");
        await _cli.MethodAsync(apiId, r, "POST", "MOCK",
            ["--passthrough-behavior", "NEVER", "--request-templates", """{"application/json":"{\"statusCode\": 200}"}"""]);
        await _cli.DeployAsync(apiId, "prod");

        var (ok, _, _) = await SendAsync("POST", $"/_aws/execute-api/{apiId}/prod/strict", "{}");
        var (refused, headers, body) = await SendAsync("POST", $"/_aws/execute-api/{apiId}/prod/strict", "<a/>", contentType: "application/xml");

        Assert.Equal(200, ok);
        Assert.Equal(415, refused);
        Assert.Equal("""{"message":"Unsupported Media Type"}""", body);
        Assert.Equal("BadRequestException", headers["x-amzn-ErrorType"]);
    }

    [Fact]
    public async Task CustomizedGatewayResponse_ChangesStatusHeadersAndBody()
    {
        var (apiId, rootId) = await _cli.CreateApiAsync();
        var r = await _cli.CreateResourcesAsync(apiId, rootId, "/here");
        await _cli.MethodAsync(apiId, r, "GET", "MOCK", ["--request-templates", """{"application/json":"{\"statusCode\": 200}"}"""]);
        await _cli.RunAsync(["put-gateway-response", "--rest-api-id", apiId, "--response-type", "MISSING_AUTHENTICATION_TOKEN", "--status-code", "404",
            "--response-parameters", """{"gatewayresponse.header.x-where":"'nowhere'","gatewayresponse.header.x-stage":"context.stage"}""",
            "--response-templates", """{"application/json":"{\"error\":\"$context.error.message\",\"type\":\"$context.error.responseType\",\"path\":\"$context.path\"}"}"""]);
        await _cli.DeployAsync(apiId, "prod");

        var (status, headers, body) = await SendAsync("GET", $"/_aws/execute-api/{apiId}/prod/elsewhere");

        Assert.Equal(404, status);
        Assert.Equal("nowhere", headers["x-where"]);
        Assert.Equal("prod", headers["x-stage"]);
        Assert.Equal("""{"error":"Missing Authentication Token","type":"MISSING_AUTHENTICATION_TOKEN","path":"/prod/elsewhere"}""", body);
    }

    [Fact]
    public async Task RequestValidator_RefusesMissingParametersAndInvalidBodies()
    {
        var (apiId, rootId) = await _cli.CreateApiAsync();
        var model = """{"$schema":"http://json-schema.org/draft-04/schema#","type":"object","required":["name"],"properties":{"name":{"type":"string"}}}""";
        await _cli.RunAsync(["create-model", "--rest-api-id", apiId, "--name", "Pet", "--content-type", "application/json", "--schema", model]);
        var validator = await _cli.RunAsync(["create-request-validator", "--rest-api-id", apiId, "--name", "all", "--validate-request-body", "--validate-request-parameters"]);
        var r = await _cli.CreateResourcesAsync(apiId, rootId, "/pets");
        await _cli.MethodAsync(apiId, r, "POST", "MOCK", ["--request-templates", """{"application/json":"{\"statusCode\": 200}"}"""],
            methodExtra: ["--request-validator-id", validator.GetProperty("id").GetString()!,
                "--request-parameters", """{"method.request.querystring.owner":true}""", "--request-models", """{"application/json":"Pet"}"""]);
        await _cli.DeployAsync(apiId, "prod");

        var (missing, _, missingBody) = await SendAsync("POST", $"/_aws/execute-api/{apiId}/prod/pets", """{"name":"rex"}""");
        var (invalid, _, invalidBody) = await SendAsync("POST", $"/_aws/execute-api/{apiId}/prod/pets?owner=me", """{"name":1}""");
        var (valid, _, _) = await SendAsync("POST", $"/_aws/execute-api/{apiId}/prod/pets?owner=me", """{"name":"rex"}""");

        Assert.Equal(400, missing);
        Assert.Equal("""{"message":"Missing required request parameters: [owner]"}""", missingBody);
        Assert.Equal(400, invalid);
        Assert.Equal("""{"message":"Invalid request body"}""", invalidBody);
        Assert.Equal(200, valid);
    }

    [Fact]
    public async Task SlowBackend_PastTheIntegrationTimeout_Answers504EndpointRequestTimedOut()
    {
        var (apiId, rootId) = await _cli.CreateApiAsync();
        var r = await _cli.CreateResourcesAsync(apiId, rootId, "/slow");
        await _cli.MethodAsync(apiId, r, "GET", "HTTP_PROXY", ["--integration-http-method", "GET", "--uri", $"{BackendUrl}/delay/3000", "--timeout-in-millis", "300"]);
        await _cli.DeployAsync(apiId, "prod");

        var (status, headers, body) = await SendAsync("GET", $"/_aws/execute-api/{apiId}/prod/slow");

        Assert.Equal(504, status);
        Assert.Equal("""{"message":"Endpoint request timed out"}""", body);
        Assert.Equal("InternalServerErrorException", headers["x-amzn-ErrorType"]);
    }

    [Fact]
    public async Task StageVariables_FillTheIntegrationUriAndTemplates()
    {
        var (apiId, rootId) = await _cli.CreateApiAsync();
        var r = await _cli.CreateResourcesAsync(apiId, rootId, "/vars");
        await _cli.MethodAsync(apiId, r, "GET", "HTTP",
            ["--integration-http-method", "GET", "--uri", "http://${stageVariables.backend}/echo/${stageVariables.area}"],
            ["--response-templates", """{"application/json":"{\"path\":\"$input.path('$.path')\",\"env\":\"$stageVariables.env\"}"}"""]);
        await _cli.DeployAsync(apiId, "prod", "--variables", $"backend={new Uri(BackendUrl).Authority},area=north,env=production");

        var (status, _, body) = await SendAsync("GET", $"/_aws/execute-api/{apiId}/prod/vars");

        Assert.True(status == 200, body);
        Assert.Equal("""{"path":"/echo/north","env":"production"}""", body);
    }

    [Fact]
    public async Task BodyOverTenMegabytes_Answers413()
    {
        var (apiId, rootId) = await _cli.CreateApiAsync();
        var r = await _cli.CreateResourcesAsync(apiId, rootId, "/upload");
        await _cli.MethodAsync(apiId, r, "POST", "MOCK", ["--request-templates", """{"application/json":"{\"statusCode\": 200}"}"""]);
        await _cli.DeployAsync(apiId, "prod");

        var (status, _, body) = await SendAsync("POST", $"/_aws/execute-api/{apiId}/prod/upload", new string('x', 10 * 1024 * 1024 + 1));

        Assert.Equal(413, status);
        Assert.Equal("""{"message":"Request Entity Too Large"}""", body);
    }

    [Fact]
    public async Task MethodRequiringAnApiKey_IsRefused403UntilKeysAreEnforced()
    {
        var (apiId, rootId) = await _cli.CreateApiAsync();
        var r = await _cli.CreateResourcesAsync(apiId, rootId, "/keyed");
        await _cli.MethodAsync(apiId, r, "GET", "MOCK", ["--request-templates", """{"application/json":"{\"statusCode\": 200}"}"""], methodExtra: ["--api-key-required"]);
        await _cli.DeployAsync(apiId, "prod");

        var (status, _, body) = await SendAsync("GET", $"/_aws/execute-api/{apiId}/prod/keyed", headers: ("x-api-key", "anything"));

        Assert.Equal(403, status);
        Assert.Equal("""{"message":"Forbidden"}""", body);
    }

    [Fact]
    public async Task ResponseLargerThanMinimumCompressionSize_IsGzippedForClientsThatAcceptIt()
    {
        var (apiId, rootId) = await _cli.CreateApiAsync("--minimum-compression-size", "100");
        var r = await _cli.CreateResourcesAsync(apiId, rootId, "/big");
        await _cli.MethodAsync(apiId, r, "GET", "HTTP_PROXY", ["--integration-http-method", "GET", "--uri", $"{BackendUrl}/bytes/5000"]);
        await _cli.DeployAsync(apiId, "prod");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{DataUrl}/_aws/execute-api/{apiId}/prod/big");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await _http.SendAsync(request);
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gzip.CopyToAsync(plain);

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal(5000, plain.Length);
        Assert.Equal(EchoBackend.PatternByte(4999), plain.ToArray()[4999]);
    }

    [Fact]
    public async Task CanaryTakingAllTraffic_ServesTheCanaryDeploymentWithItsVariableOverrides()
    {
        var (apiId, rootId) = await _cli.CreateApiAsync();
        var r = await _cli.CreateResourcesAsync(apiId, rootId, "/which");
        await _cli.MethodAsync(apiId, r, "GET", "MOCK", ["--request-templates", """{"application/json":"{\"statusCode\": 200}"}"""],
            ["--response-templates", """{"application/json":"{\"v\":\"$stageVariables.v\",\"canary\":$context.isCanaryRequest}"}"""]);
        await _cli.DeployAsync(apiId, "prod", "--variables", "v=main");
        var (before, _, beforeBody) = await SendAsync("GET", $"/_aws/execute-api/{apiId}/prod/which");
        await _cli.DeployAsync(apiId, "prod", "--canary-settings", """{"percentTraffic":100,"stageVariableOverrides":{"v":"canary"}}""");

        var (after, _, afterBody) = await WaitForAsync($"/_aws/execute-api/{apiId}/prod/which", b => b.Contains("canary\""));

        Assert.Equal(200, before);
        Assert.Equal("""{"v":"main","canary":}""", beforeBody);
        Assert.Equal(200, after);
        Assert.Equal("""{"v":"canary","canary":true}""", afterBody);
    }

    [Fact]
    public async Task Redeploying_IsServedAtOnce()
    {
        var (apiId, rootId) = await _cli.CreateApiAsync();
        var r = await _cli.CreateResourcesAsync(apiId, rootId, "/v");
        await _cli.MethodAsync(apiId, r, "GET", "MOCK", ["--request-templates", """{"application/json":"{\"statusCode\": 200}"}"""], ["--response-templates", """{"application/json":"one"}"""]);
        await _cli.DeployAsync(apiId, "prod");
        var (_, _, first) = await SendAsync("GET", $"/_aws/execute-api/{apiId}/prod/v");
        await _cli.PutIntegrationResponseAsync(apiId, r, "GET", "200", "--response-templates", """{"application/json":"two"}""");
        await _cli.DeployAsync(apiId, "prod");

        var (_, _, second) = await WaitForAsync($"/_aws/execute-api/{apiId}/prod/v", b => b == "two");

        Assert.Equal("one", first);
        Assert.Equal("two", second);
    }

    [Fact]
    public async Task BinaryMediaType_PassesThroughAnHttpIntegrationByteForByte()
    {
        var (apiId, rootId) = await _cli.CreateApiAsync("--binary-media-types", "image/png");
        var r = await _cli.CreateResourcesAsync(apiId, rootId, "/image");
        await _cli.MethodAsync(apiId, r, "POST", "HTTP", ["--integration-http-method", "POST", "--uri", $"{BackendUrl}/reply"]);
        await _cli.DeployAsync(apiId, "prod");
        // Larger than the edge trusts a declared length for (64 KB) both ways, so the bytes are collected as they arrive.
        var image = Enumerable.Range(0, 300 * 1024).Select(i => EchoBackend.PatternByte(i)).ToArray();

        using var content = new ByteArrayContent(image);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        using var response = await _http.PostAsync($"{DataUrl}/_aws/execute-api/{apiId}/prod/image", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(image, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TestInvokeMethod_RunsThePipelineOnTheUndeployedApi()
    {
        var (apiId, rootId) = await _cli.CreateApiAsync();
        var pets = await _cli.CreateResourcesAsync(apiId, rootId, "/pets/{petId}");
        await _cli.MethodAsync(apiId, pets, "GET", "MOCK",
            ["--request-templates", """{"application/json":"{\"statusCode\": 200}"}"""],
            ["--response-parameters", """{"method.response.header.x-pet":"'yes'"}""",
             "--response-templates", """{"application/json":"{\"id\":\"$input.params('petId')\",\"q\":\"$input.params('q')\",\"v\":\"$stageVariables.v\"}"}"""],
            methodExtra: ["--api-key-required"]);
        await _cli.PutMethodResponseAsync(apiId, pets, "GET", "200", "--response-parameters", """{"method.response.header.x-pet":false}""");

        var result = await _cli.RunAsync(["test-invoke-method", "--rest-api-id", apiId, "--resource-id", pets, "--http-method", "GET",
            "--path-with-query-string", "/pets/7?q=a", "--stage-variables", "v=test"]);

        Assert.Equal(200, result.GetProperty("status").GetInt32());
        Assert.Equal("""{"id":"7","q":"a","v":"test"}""", result.GetProperty("body").GetString());
        Assert.Equal("yes", result.GetProperty("headers").GetProperty("x-pet").GetString());
        Assert.Contains("Method completed with status: 200", result.GetProperty("log").GetString());
        Assert.True(result.GetProperty("latency").GetInt64() >= 0);
    }

    private async Task<(int Status, Dictionary<string, string> Headers, string Body)> WaitForAsync(string path, Func<string, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var answer = await SendAsync("GET", path);
            if (done(answer.Body) || attempt == 50)
            {
                return answer;
            }

            await Task.Delay(100);
        }
    }

    private async Task<(int Status, Dictionary<string, string> Headers, string Body)> SendAsync(
        string method, string path, string? body = null, (string Name, string Value)? headers = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), DataUrl + path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        if (headers is { } header)
        {
            request.Headers.Add(header.Name, header.Value);
        }

        using var response = await _http.SendAsync(request);
        var all = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return ((int)response.StatusCode, all, await response.Content.ReadAsStringAsync());
    }
}
