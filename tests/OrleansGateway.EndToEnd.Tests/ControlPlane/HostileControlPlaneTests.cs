using System.Net;
using System.Text;
using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane;

/// <summary>
/// Hostile input to the admin endpoint of a real edge without keys (loopback mode): every case is
/// answered with an AWS error (status, <c>x-amzn-ErrorType</c>, <c>{"message": ...}</c>) and the
/// host goes on serving afterwards.
/// </summary>
public sealed class HostileControlPlaneTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>, IDisposable
{
    private const int MaxBodyBytes = 10 * 1024 * 1024;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(fixture.Edge.AdminUrl) };

    public static TheoryData<string, string> BadBodies => new()
    {
        { "not JSON", "{\"name\": " },
        { "a number for a string", "{\"name\": 1, \"protocolType\": \"HTTP\"}" },
        { "an array for a string", "{\"name\": \"a\", \"protocolType\": [\"HTTP\"]}" },
        { "an array for the object", "[]" },
        { "a string for a map", "{\"name\": \"a\", \"protocolType\": \"HTTP\", \"tags\": \"x\"}" },
        { "100,000 nested arrays", "{\"name\": " + new string('[', 100_000) + new string(']', 100_000) + "}" },
        { "100,000 nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_000) },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadJson_IsBadRequest_AndTheHostServesOn(string why, string body)
    {
        using var response = await _http.PostAsync("/v2/apis", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertAwsErrorAsync(response, HttpStatusCode.BadRequest, "BadRequestException", "Invalid request body");
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        await AssertServingAsync();
    }

    [Fact]
    public async Task DeclaredBodyOverTheCap_Is413BeforeItIsSent()
    {
        var response = await RawHttp.SendAsync(fixture.Edge.AdminUrl, $"""
            POST /v2/apis HTTP/1.1
            Host: {new Uri(fixture.Edge.AdminUrl).Authority}
            Content-Type: application/json
            Content-Length: {MaxBodyBytes + 1}

            """);

        Assert.Equal(413, response.StatusCode);
        Assert.Equal("PayloadTooLargeException", response.ErrorType);
        Assert.Equal("{\"message\":\"Request Entity Too Large\"}", response.Body);
        await AssertServingAsync();
    }

    [Fact]
    public async Task ChunkedBodyOverTheCap_Is413AsSoonAsItPassesIt()
    {
        // One byte over the cap and then nothing: the edge must answer without waiting for the end.
        var response = await RawHttp.SendAsync(fixture.Edge.AdminUrl, $"""
            POST /v2/apis HTTP/1.1
            Host: {new Uri(fixture.Edge.AdminUrl).Authority}
            Content-Type: application/json
            Transfer-Encoding: chunked

            """, async stream =>
        {
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 1024 * 1024));
            for (var i = 0; i < 10; i++)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
                await stream.WriteAsync(chunk);
                await stream.WriteAsync("\r\n"u8.ToArray());
            }

            await stream.WriteAsync("1\r\n \r\n"u8.ToArray());
        });

        Assert.Equal(413, response.StatusCode);
        Assert.Equal("{\"message\":\"Request Entity Too Large\"}", response.Body);
        await AssertServingAsync();
    }

    [Theory]
    [InlineData("Host", "evil.example", "loopback Host")]
    [InlineData("Host", "127.0.0.1.nip.io", "loopback Host")]
    [InlineData("Origin", "http://evil.example", "web pages")]
    [InlineData("Sec-Fetch-Site", "cross-site", "web pages")]
    [InlineData("Content-Type", "text/plain", "JSON request bodies")]
    [InlineData("Content-Type", "application/x-www-form-urlencoded", "JSON request bodies")]
    [InlineData("Content-Type", "", "JSON request bodies")]
    public async Task WithoutKeys_WhatABrowserCouldSend_IsForbidden(string header, string value, string reason)
    {
        var authority = new Uri(fixture.Edge.AdminUrl).Authority;
        var headers = new Dictionary<string, string> { ["Host"] = authority, ["Content-Type"] = "application/json" };
        headers[header] = value;
        var body = "{\"name\":\"rebound\",\"protocolType\":\"HTTP\"}";
        var head = "POST /v2/apis HTTP/1.1\n"
            + string.Concat(headers.Where(h => h.Value.Length > 0).Select(h => $"{h.Key}: {h.Value}\n"))
            + $"Content-Length: {body.Length}\n";

        var response = await RawHttp.SendAsync(fixture.Edge.AdminUrl, head, stream => stream.WriteAsync(Encoding.ASCII.GetBytes(body)).AsTask());

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("AccessDeniedException", response.ErrorType);
        Assert.Contains(reason, JsonDocument.Parse(response.Body).RootElement.GetProperty("message").GetString());
        Assert.DoesNotContain(await ApiNamesAsync(), name => name == "rebound");
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.5")]
    [InlineData("[::1]")]
    public async Task WithoutKeys_LoopbackHostNames_AreServed(string host)
    {
        var response = await RawHttp.SendAsync(fixture.Edge.AdminUrl, $"GET /v2/apis HTTP/1.1\nHost: {host}:{new Uri(fixture.Edge.AdminUrl).Port}\n");
        Assert.Equal(200, response.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{admin}/{proxy}")]
    [InlineData("http://localhost:{admin}")]
    [InlineData("http://0.0.0.0:{admin}/v2/apis")]
    [InlineData("http://[::1]:{admin}/")]
    [InlineData("http://127.9.9.9:{admin}/")]
    public async Task IntegrationToTheAdminEndpoint_IsRefused(string template)
    {
        var uri = template.Replace("{admin}", new Uri(fixture.Edge.AdminUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var apiId = await CreateHttpApiAsync();

        using var created = await _http.PostAsync($"/v2/apis/{apiId}/integrations", Json(new { integrationType = "HTTP_PROXY", integrationMethod = "ANY", payloadFormatVersion = "1.0", integrationUri = uri }));
        await AssertAwsErrorAsync(created, HttpStatusCode.BadRequest, "BadRequestException", "admin endpoint");

        var integrationId = await CreateIntegrationAsync(apiId, fixture.Backend.Url);
        using var updated = await _http.PatchAsync($"/v2/apis/{apiId}/integrations/{integrationId}", Json(new { integrationUri = uri }));
        await AssertAwsErrorAsync(updated, HttpStatusCode.BadRequest, "BadRequestException", "admin endpoint");
    }

    [Fact]
    public async Task QuickCreateAndImport_ToTheAdminEndpoint_AreRefused()
    {
        var admin = fixture.Edge.AdminUrl;
        var quick = await AwsCli.RunAsync(admin, "apigatewayv2", "create-api", "--name", "loop", "--protocol-type", "HTTP", "--target", admin + "/v2/apis");
        Assert.Contains("(BadRequestException) when calling the CreateApi operation: Invalid integration URI specified", quick.Stderr);

        var definition = $$"""
            openapi: 3.0.1
            info: {title: loop, version: '1'}
            paths:
              /x:
                get:
                  x-amazon-apigateway-integration: {type: http_proxy, httpMethod: ANY, uri: '{{admin}}/v2/apis', payloadFormatVersion: '1.0'}
            """;
        var imported = await AwsCli.RunAsync(admin, "apigatewayv2", "import-api", "--body", definition);
        Assert.Contains("(BadRequestException) when calling the ImportApi operation: Invalid integration URI specified", imported.Stderr);
        Assert.DoesNotContain(await ApiNamesAsync(), name => name == "loop");

        // The data plane's own port is not the admin endpoint.
        var data = await AwsCli.RunAsync(admin, "apigatewayv2", "create-api", "--name", "to-data", "--protocol-type", "HTTP", "--target", fixture.Edge.DataUrl);
        Assert.Equal(0, data.ExitCode);
    }

    [Theory]
    [InlineData("deeply nested YAML", "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\nx: ", 100_000)]
    [InlineData("deeply nested block YAML", "openapi: 3.0.1\npaths: {}\n", 0)]
    [InlineData("deeply nested JSON", "{\"openapi\": \"3.0.1\", \"paths\": {}, \"x\": ", 100_000)]
    public async Task OpenApiBombs_AreBadRequest(string why, string prefix, int depth)
    {
        var body = prefix switch
        {
            _ when why.Contains("JSON", StringComparison.Ordinal) => prefix + new string('[', depth) + new string(']', depth) + "}",
            _ when depth > 0 => prefix + new string('[', depth) + new string(']', depth) + "\n",
            _ => prefix + string.Concat(Enumerable.Range(0, 2_000).Select(i => new string(' ', i) + "k:\n")) + new string(' ', 2_000) + "v\n",
        };

        using var response = await _http.PutAsync("/v2/apis", Json(new { body }));

        await AssertAwsErrorAsync(response, HttpStatusCode.BadRequest, "BadRequestException", "OpenAPI definition");
        await AssertServingAsync();
    }

    [Fact]
    public async Task HugeFlatOpenApi_IsBadRequest()
    {
        // 250,000 nodes, about 5 MB: under the body cap, over what one definition may expand to.
        var paths = string.Concat(Enumerable.Range(0, 125_000).Select(i => $"  /p{i}: {{get: {{}}}}\n"));
        using var response = await _http.PutAsync("/v2/apis", Json(new { body = "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n" + paths }));
        await AssertAwsErrorAsync(response, HttpStatusCode.BadRequest, "BadRequestException", "expands to more than");
        await AssertServingAsync();
    }

    [Fact]
    public async Task MappingTemplatesOverThreeHundredKilobytes_AreRefused_AtTheLimitStored()
    {
        using var api = await _http.PostAsync("/v2/apis", Json(new { name = "ws", protocolType = "WEBSOCKET", routeSelectionExpression = "$request.body.action" }));
        var apiId = (await ReadJsonAsync(api)).GetProperty("apiId").GetString();
        var atLimit = "#set($x = 1)" + new string('x', (300 * 1024) - 12);
        var overLimit = atLimit + "x";

        using var tooBig = await _http.PostAsync($"/v2/apis/{apiId}/integrations", Json(new { integrationType = "MOCK", requestTemplates = new Dictionary<string, string> { ["$default"] = overLimit } }));
        await AssertAwsErrorAsync(tooBig, HttpStatusCode.BadRequest, "BadRequestException", "larger than the maximum of 300 KB");

        using var integration = await _http.PostAsync($"/v2/apis/{apiId}/integrations", Json(new { integrationType = "MOCK", requestTemplates = new Dictionary<string, string> { ["$default"] = atLimit } }));
        Assert.Equal(HttpStatusCode.Created, integration.StatusCode);
        var integrationId = (await ReadJsonAsync(integration)).GetProperty("integrationId").GetString();

        var responses = $"/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses";
        using var bomb = await _http.PostAsync(responses, Json(new { integrationResponseKey = "$default", responseTemplates = new Dictionary<string, string> { ["$default"] = overLimit } }));
        await AssertAwsErrorAsync(bomb, HttpStatusCode.BadRequest, "BadRequestException", "larger than the maximum of 300 KB");
        using var stored = await _http.PostAsync(responses, Json(new { integrationResponseKey = "$default", responseTemplates = new Dictionary<string, string> { ["$default"] = "#foreach($i in [1..100000])#foreach($j in [1..100000])$i#end#end" } }));
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        await AssertServingAsync();
    }

    public void Dispose() => _http.Dispose();

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task AssertAwsErrorAsync(HttpResponseMessage response, HttpStatusCode status, string errorType, string messagePart)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {body}");
        Assert.Equal(errorType, response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var message = JsonDocument.Parse(body).RootElement.GetProperty("message").GetString();
        Assert.Contains(messagePart, message);
    }

    private async Task<string> CreateHttpApiAsync()
    {
        using var response = await _http.PostAsync("/v2/apis", Json(new { name = "hostile", protocolType = "HTTP" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ReadJsonAsync(response)).GetProperty("apiId").GetString()!;
    }

    private async Task<string> CreateIntegrationAsync(string apiId, string uri)
    {
        using var response = await _http.PostAsync($"/v2/apis/{apiId}/integrations", Json(new { integrationType = "HTTP_PROXY", integrationMethod = "ANY", payloadFormatVersion = "1.0", integrationUri = uri }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ReadJsonAsync(response)).GetProperty("integrationId").GetString()!;
    }

    private async Task<List<string>> ApiNamesAsync()
    {
        using var response = await _http.GetAsync("/v2/apis");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await ReadJsonAsync(response)).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("name").GetString()!)];
    }

    // The host still serves control-plane writes after the hostile request.
    private async Task AssertServingAsync() => Assert.NotEmpty(await CreateHttpApiAsync());
}
