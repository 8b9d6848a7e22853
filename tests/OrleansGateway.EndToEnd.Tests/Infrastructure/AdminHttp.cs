using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>
/// apigatewayv2 calls as plain JSON over HTTP to a loopback admin endpoint without keys, for
/// bursts where starting the AWS CLI once per call would be too slow to overlap with a kill.
/// </summary>
public sealed class AdminHttp(string adminUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(adminUrl), Timeout = TimeSpan.FromSeconds(30) };

    public async Task<AdminAnswer> PostAsync(string path, object body)
    {
        using var response = await _http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return new AdminAnswer(
            response.StatusCode,
            text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(),
            response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.Single() : null);
    }

    /// <summary>Creates an HTTP API and returns its id; the call must succeed.</summary>
    public async Task<string> CreateApiAsync(string name)
    {
        var answer = await PostAsync("/v2/apis", new { name, protocolType = "HTTP" });
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return answer.Body.GetProperty("apiId").GetString()!;
    }

    public Task<AdminAnswer> CreateRouteAsync(string apiId, string routeKey) =>
        PostAsync($"/v2/apis/{apiId}/routes", new { routeKey });

    public Task<AdminAnswer> CreateIntegrationAsync(string apiId, string uri) =>
        PostAsync($"/v2/apis/{apiId}/integrations", new { integrationType = "HTTP_PROXY", integrationMethod = "ANY", integrationUri = uri, payloadFormatVersion = "1.0" });

    public void Dispose() => _http.Dispose();
}
