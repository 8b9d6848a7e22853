using System.Text.Json;

namespace OrleansGateway.EndToEnd.Tests.DataPlane;

/// <summary>What the echo backend says it received; <c>RawTarget</c> is the request line's target before Kestrel decoded it.</summary>
internal sealed record EchoedRequest(string Method, string Path, string? RawTarget, string? RawQuery, Dictionary<string, string> Headers, long BodyLength, string? Body)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<EchoedRequest> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType == "application/json", text);
        return JsonSerializer.Deserialize<EchoedRequest>(text, Options) ?? throw new InvalidOperationException(text);
    }

    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}
