using System.Net.Http.Headers;
using System.Text.Json;

namespace OrleansGateway.Samples.Chat;

/// <summary>
/// The gateway's management API (<c>@connections</c>) and groups API (<c>@groups</c>) under the
/// WebSocket stage's base URL. Connection IDs are base64 (<c>+</c>, <c>/</c>, <c>=</c>), so path
/// segments are percent-encoded.
/// </summary>
public sealed class StageClient(HttpClient http, ChatOptions options)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary><c>PUT @groups/{group}/connections/{id}</c>: 204, or 410 when the connection is gone.</summary>
    public Task<StageAnswer> JoinGroupAsync(string group, string connectionId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"@groups/{Uri.EscapeDataString(group)}/connections/{Uri.EscapeDataString(connectionId)}", null, cancellationToken);

    /// <summary><c>POST @groups/{group}</c>: the event to every member; the answer says how many it reached.</summary>
    public Task<StageAnswer> SendToGroupAsync(string group, ChatEvent chatEvent, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"@groups/{Uri.EscapeDataString(group)}", chatEvent, cancellationToken);

    /// <summary><c>POST @connections/{id}</c>: the event to one connection (AWS's PostToConnection).</summary>
    public Task<StageAnswer> PostToConnectionAsync(string connectionId, ChatEvent chatEvent, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"@connections/{Uri.EscapeDataString(connectionId)}", chatEvent, cancellationToken);

    private async Task<StageAnswer> SendAsync(HttpMethod method, string path, ChatEvent? chatEvent, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(options.StageUrl, path));
        if (chatEvent is not null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(chatEvent, ChatJson.Default.ChatEvent));
            request.Content.Headers.ContentType = Json;
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return new StageAnswer((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
