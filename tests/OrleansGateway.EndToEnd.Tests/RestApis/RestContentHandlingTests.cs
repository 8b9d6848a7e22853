using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.RestApis;

/// <summary>
/// Every row of AWS's "Content type conversions in API Gateway" tables, through a deployed API and
/// a real backend: the request table against what the backend received (its echo of the bytes),
/// the response table against what the client gets when the backend sends a payload back
/// (<c>/reply</c>), with <c>binaryMediaTypes</c> set and unset, and with and without a mapping template.
/// </summary>
public sealed class RestContentHandlingTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>, IAsyncLifetime
{
    private const string Binary = "application/octet-stream";
    private const string Text = "text/plain";
    private static readonly byte[] Bytes = [0x00, 0xFF, 0x10, 0x80, 0x7F, 0xC3, 0x28];
    private static readonly string BytesBase64 = Convert.ToBase64String(Bytes);

    private readonly RestAdmin _admin = new(fixture.Edge.AdminUrl);
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });
    private string _withTypes = null!;
    private string _withoutTypes = null!;

    public async ValueTask InitializeAsync()
    {
        _withTypes = await ApiAsync([Binary]);
        _withoutTypes = await ApiAsync(null);
    }

    public ValueTask DisposeAsync()
    {
        _admin.Dispose();
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    // Method request payload | Content-Type | binaryMediaTypes | contentHandling → integration request payload.
    [Theory]
    [InlineData("unset", Text, "none", "text", "text")]
    [InlineData("unset", Text, "tobinary", "base64", "decoded")]
    [InlineData("unset", Text, "totext", "text", "text")]
    [InlineData("set", Text, "none", "text", "text")]
    [InlineData("set", Text, "tobinary", "base64", "decoded")]
    [InlineData("set", Text, "totext", "text", "text")]
    [InlineData("set", Binary, "none", "bytes", "bytes")]
    [InlineData("set", Binary, "tobinary", "bytes", "bytes")]
    [InlineData("set", Binary, "totext", "bytes", "base64")]
    public async Task RequestPayload_IsConvertedAsAwsTableSays(string binaryMediaTypes, string contentType, string contentHandling, string sent, string received)
    {
        var echo = await CallAsync(binaryMediaTypes, $"req-{contentHandling}", Payload(sent), contentType, "application/json");

        using var json = JsonDocument.Parse(echo);
        Assert.Equal(Convert.ToBase64String(Payload(received)), json.RootElement.GetProperty("bodyBase64").GetString());
    }

    // Integration response payload | Accept | binaryMediaTypes | contentHandling → method response payload.
    [Theory]
    [InlineData("unset", Text, Text, "none", "base64", "base64")]
    [InlineData("unset", Text, Text, "tobinary", "base64", "decoded")]
    [InlineData("unset", Text, Text, "totext", "base64", "base64")]
    [InlineData("unset", Binary, Binary, "none", "base64", "base64")]
    [InlineData("set", Text, Text, "none", "base64", "base64")]
    [InlineData("set", Text, Text, "tobinary", "base64", "decoded")]
    [InlineData("set", Text, Text, "totext", "base64", "base64")]
    [InlineData("set", Text, Binary, "none", "base64", "decoded")]
    [InlineData("set", Text, Binary, "tobinary", "base64", "decoded")]
    [InlineData("set", Text, Binary, "totext", "base64", "base64")]
    [InlineData("set", Binary, Text, "none", "bytes", "base64")]
    [InlineData("set", Binary, Text, "tobinary", "bytes", "bytes")]
    [InlineData("set", Binary, Text, "totext", "bytes", "base64")]
    [InlineData("set", Binary, Binary, "none", "bytes", "bytes")]
    [InlineData("set", Binary, Binary, "tobinary", "bytes", "bytes")]
    [InlineData("set", Binary, Binary, "totext", "bytes", "base64")]
    public async Task ResponsePayload_IsConvertedAsAwsTableSays(string binaryMediaTypes, string backendType, string accept, string contentHandling, string backendSends, string clientGets)
    {
        // The backend replies with the body and Content-Type it was sent; the request side passes both unconverted.
        var body = await CallAsync(binaryMediaTypes, $"res-{contentHandling}", Payload(backendSends), backendType, accept);

        Assert.Equal(Payload(clientGets), body);
    }

    [Fact]
    public async Task RequestTemplate_SeesTheBase64OfABinaryBodyConvertedToText()
    {
        var echo = await CallAsync("set", "req-template-totext", Bytes, Binary, "application/json");

        using var json = JsonDocument.Parse(echo);
        var sent = Encoding.UTF8.GetString(Convert.FromBase64String(json.RootElement.GetProperty("bodyBase64").GetString()!));
        Assert.Equal($$"""{"image":"{{BytesBase64}}"}""", sent);
    }

    [Fact]
    public async Task RequestTemplateOutput_IsDecodedFromBase64WhenConvertedToBinary()
    {
        var echo = await CallAsync("set", "req-template-tobinary", Encoding.UTF8.GetBytes($$"""{"data":"{{BytesBase64}}"}"""), "application/json", "application/json");

        using var json = JsonDocument.Parse(echo);
        Assert.Equal(BytesBase64, json.RootElement.GetProperty("bodyBase64").GetString());
    }

    [Fact]
    public async Task ResponseTemplate_SeesTheBase64OfABinaryBackendBodyConvertedToText()
    {
        var body = await CallAsync("set", "res-template-totext", Bytes, Binary, "application/json");

        Assert.Equal($$"""{"image":"{{BytesBase64}}"}""", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task TextThatIsNotBase64_ConvertedToBinary_Answers500()
    {
        using var response = await SendAsync("set", "req-tobinary", "not base64!"u8.ToArray(), Text, Text);

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Contains("Internal server error", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static byte[] Payload(string name) => name switch
    {
        "text" => "plain words"u8.ToArray(),
        "base64" => Encoding.ASCII.GetBytes(BytesBase64),
        "decoded" or "bytes" => Bytes,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private async Task<string> ApiAsync(string[]? binaryMediaTypes)
    {
        var (apiId, rootId) = await _admin.CreateApiAsync(new { name = "content-handling", binaryMediaTypes });
        var backend = fixture.Backend.Url;
        foreach (var (name, handling) in new[] { ("none", (string?)null), ("tobinary", "CONVERT_TO_BINARY"), ("totext", "CONVERT_TO_TEXT") })
        {
            await AddAsync(apiId, rootId, $"req-{name}", new { type = "HTTP", httpMethod = "POST", uri = $"{backend}/echo", contentHandling = handling }, new { });
            await AddAsync(apiId, rootId, $"res-{name}", new { type = "HTTP", httpMethod = "POST", uri = $"{backend}/reply" }, new { contentHandling = handling });
        }

        await AddAsync(apiId, rootId, "req-template-totext",
            new { type = "HTTP", httpMethod = "POST", uri = $"{backend}/echo", contentHandling = "CONVERT_TO_TEXT", requestTemplates = new Dictionary<string, string> { [Binary] = """{"image":"$input.body"}""" } },
            new { });
        await AddAsync(apiId, rootId, "req-template-tobinary",
            new { type = "HTTP", httpMethod = "POST", uri = $"{backend}/echo", contentHandling = "CONVERT_TO_BINARY", requestTemplates = new Dictionary<string, string> { ["application/json"] = "$input.path('$.data')" } },
            new { });
        await AddAsync(apiId, rootId, "res-template-totext",
            new { type = "HTTP", httpMethod = "POST", uri = $"{backend}/reply" },
            new { contentHandling = "CONVERT_TO_TEXT", responseTemplates = new Dictionary<string, string> { ["application/json"] = """{"image":"$input.body"}""" } });
        await _admin.DeployAsync(apiId, "prod");
        return apiId;
    }

    private async Task AddAsync(string apiId, string rootId, string pathPart, object integration, object integrationResponse)
    {
        var resource = await _admin.CreateResourceAsync(apiId, rootId, pathPart);
        await _admin.MethodAsync(apiId, resource, "POST", integration, integrationResponse);
    }

    private async Task<byte[]> CallAsync(string binaryMediaTypes, string resource, byte[] body, string contentType, string accept)
    {
        using var response = await SendAsync(binaryMediaTypes, resource, body, contentType, accept);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }

    private Task<HttpResponseMessage> SendAsync(string binaryMediaTypes, string resource, byte[] body, string contentType, string accept)
    {
        var apiId = binaryMediaTypes == "set" ? _withTypes : _withoutTypes;
        var request = new HttpRequestMessage(HttpMethod.Post, $"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod/{resource}")
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Accept.ParseAdd(accept);
        return _http.SendAsync(request);
    }
}
