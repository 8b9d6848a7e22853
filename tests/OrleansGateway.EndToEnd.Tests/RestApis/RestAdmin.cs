using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansGateway.EndToEnd.Tests.RestApis;

/// <summary>
/// apigateway (v1) calls as plain JSON over HTTP to a loopback admin endpoint without keys: for
/// tests that build many methods, where one AWS CLI process per call would cost seconds each.
/// </summary>
internal sealed class RestAdmin(string adminUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(adminUrl), Timeout = TimeSpan.FromSeconds(30) };

    public async Task<(string ApiId, string RootId)> CreateApiAsync(object body)
    {
        var api = await SendAsync(HttpMethod.Post, "/restapis", body);
        return (api.GetProperty("id").GetString()!, api.GetProperty("rootResourceId").GetString()!);
    }

    public async Task<string> CreateResourceAsync(string apiId, string parentId, string pathPart) =>
        (await SendAsync(HttpMethod.Post, $"/restapis/{apiId}/resources/{parentId}", new { pathPart })).GetProperty("id").GetString()!;

    /// <summary>A method without authorization, its integration, a 200 method response and the 200 integration response.</summary>
    public async Task MethodAsync(string apiId, string resourceId, string httpMethod, object integration, object integrationResponse)
    {
        var method = $"/restapis/{apiId}/resources/{resourceId}/methods/{httpMethod}";
        await SendAsync(HttpMethod.Put, method, new { authorizationType = "NONE" });
        await SendAsync(HttpMethod.Put, method + "/integration", integration);
        await SendAsync(HttpMethod.Put, method + "/responses/200", new { });
        await SendAsync(HttpMethod.Put, method + "/integration/responses/200", integrationResponse);
    }

    public Task DeployAsync(string apiId, string stageName) => SendAsync(HttpMethod.Post, $"/restapis/{apiId}/deployments", new { stageName });

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object body)
    {
        using var response = await _http.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}
