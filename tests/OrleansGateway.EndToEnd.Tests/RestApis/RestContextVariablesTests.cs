using System.Globalization;
using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.RestApis;

/// <summary>
/// <c>$context</c> as a REST API's mapping templates see it, printed by a MOCK method's response
/// template and compared with what the request was: the variables AWS lists for data
/// transformations that a self-hosted gateway can know.
/// </summary>
public sealed class RestContextVariablesTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>, IDisposable
{
    private static readonly string[] Names =
    [
        "accountId", "apiId", "deploymentId", "domainName", "domainPrefix", "extendedRequestId", "httpMethod", "path", "protocol",
        "requestId", "requestTime", "requestTimeEpoch", "resourceId", "resourcePath", "stage", "identity.sourceIp", "identity.userAgent",
    ];

    private readonly RestAdmin _admin = new(fixture.Edge.AdminUrl);
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });

    public void Dispose()
    {
        _admin.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task MockResponseTemplate_PrintsTheRequestsContext()
    {
        var (apiId, rootId) = await _admin.CreateApiAsync(new { name = "context" });
        var pets = await _admin.CreateResourceAsync(apiId, rootId, "pets");
        var pet = await _admin.CreateResourceAsync(apiId, pets, "{petId}");
        var template = "{" + string.Join(",", Names.Select(n => $"\"{n}\":\"$context.{n}\"")) + "}";
        await _admin.MethodAsync(apiId, pet, "PUT",
            new { type = "MOCK", requestTemplates = new Dictionary<string, string> { ["application/json"] = """{"statusCode": 200}""" } },
            new { responseTemplates = new Dictionary<string, string> { ["application/json"] = template } });
        var deployment = await _admin.SendAsync(HttpMethod.Post, $"/restapis/{apiId}/deployments", new { stageName = "prod" });
        var before = DateTimeOffset.UtcNow;

        using var request = new HttpRequestMessage(HttpMethod.Put, $"{fixture.Edge.DataUrl}/prod/pets/7");
        request.Headers.Host = $"{apiId}.execute-api.example.test";
        request.Headers.UserAgent.ParseAdd("context-test/1.0");
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, body);
        var context = JsonDocument.Parse(body).RootElement;
        string Get(string name) => context.GetProperty(name).GetString()!;
        Assert.Equal(apiId, Get("apiId"));
        Assert.Equal("000000000000", Get("accountId"));
        Assert.Equal(deployment.GetProperty("id").GetString(), Get("deploymentId"));
        Assert.Equal($"{apiId}.execute-api.example.test", Get("domainName"));
        Assert.Equal(apiId, Get("domainPrefix"));
        Assert.Equal("PUT", Get("httpMethod"));
        Assert.Equal("/prod/pets/7", Get("path"));
        Assert.Equal("HTTP/1.1", Get("protocol"));
        Assert.True(Guid.TryParse(Get("requestId"), out _), Get("requestId"));
        Assert.Equal(response.Headers.GetValues("x-amzn-RequestId").Single(), Get("requestId"));
        Assert.False(string.IsNullOrEmpty(Get("extendedRequestId")));
        Assert.Equal(pet, Get("resourceId"));
        Assert.Equal("/pets/{petId}", Get("resourcePath"));
        Assert.Equal("prod", Get("stage"));
        Assert.Equal("127.0.0.1", Get("identity.sourceIp"));
        Assert.Equal("context-test/1.0", Get("identity.userAgent"));
        var epoch = long.Parse(Get("requestTimeEpoch"), CultureInfo.InvariantCulture);
        Assert.InRange(epoch, before.ToUnixTimeMilliseconds() - 1000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(epoch).ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture), Get("requestTime"));
    }
}
