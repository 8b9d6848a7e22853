using System.Net;
using System.Text.Json;

namespace OrleansGateway.Cluster.Tests.Infrastructure;

/// <summary>Calls an HTTP API through an edge's data plane (the <c>/_aws/execute-api/{apiId}/...</c> form of its <c>$default</c> stage).</summary>
public static class DataPlaneProbe
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(15) };

    /// <summary>The echo backend's view of the request when the edge proxied it, else null.</summary>
    public static async Task<JsonElement?> TryEchoAsync(string dataUrl, string apiId, string path)
    {
        try
        {
            using var response = await Http.GetAsync($"{dataUrl}/_aws/execute-api/{apiId}{path}");
            return response.StatusCode == HttpStatusCode.OK
                ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone()
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Retries until the edge proxies <paramref name="path"/> to the backend; fails after <paramref name="timeout"/>.</summary>
    public static async Task<JsonElement> EchoWithinAsync(string dataUrl, string apiId, string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await TryEchoAsync(dataUrl, apiId, path) is { } echoed)
            {
                return echoed;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{dataUrl} did not serve API {apiId}{path} within {timeout}");
            await Task.Delay(100);
        }
    }
}
