using System.Net;
using System.Net.WebSockets;
using System.Text;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>A real WebSocket client (.NET's ClientWebSocket) with the few things tests ask of one.</summary>
public sealed class WsClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;

    private WsClient(ClientWebSocket socket) => _socket = socket;

    public WebSocket Socket => _socket;

    public string? SubProtocol => _socket.SubProtocol;

    public static async Task<WsClient> ConnectAsync(string url, params string[] subprotocols)
    {
        var (client, status) = await TryConnectAsync(url, null, subprotocols);
        Assert.True(client is not null, $"the upgrade to {url} answered {(int)status}");
        return client!;
    }

    /// <summary>Connects to <paramref name="url"/> naming another host (an execute-api host name or a custom domain name).</summary>
    public static async Task<WsClient> ConnectWithHostAsync(string url, string hostHeader)
    {
        var (client, status) = await TryConnectAsync(url, hostHeader);
        Assert.True(client is not null, $"the upgrade to {url} answered {(int)status}");
        return client!;
    }

    /// <summary>Connects sending <paramref name="userAgent"/> (ClientWebSocket sends no User-Agent of its own).</summary>
    public static async Task<WsClient> ConnectWithUserAgentAsync(string url, string userAgent)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("User-Agent", userAgent);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new Uri(url), timeout.Token);
        return new WsClient(socket);
    }

    /// <summary>The client when the handshake succeeded, else the HTTP status the server answered.</summary>
    public static Task<(WsClient? Client, HttpStatusCode Status)> TryConnectAsync(string url, params string[] subprotocols) =>
        TryConnectAsync(url, null, subprotocols);

    public static Task<(WsClient? Client, HttpStatusCode Status)> TryConnectAsync(string url, string? hostHeader, params string[] subprotocols) =>
        TryConnectWithHeadersAsync(url, hostHeader is null ? [] : new Dictionary<string, string> { ["Host"] = hostHeader }, subprotocols);

    /// <summary>Connects sending <paramref name="headers"/> with the upgrade request (an <c>x-api-key</c>, a <c>Host</c>).</summary>
    public static async Task<(WsClient? Client, HttpStatusCode Status)> TryConnectWithHeadersAsync(
        string url, IReadOnlyDictionary<string, string> headers, params string[] subprotocols)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        foreach (var (name, value) in headers)
        {
            socket.Options.SetRequestHeader(name, value);
        }

        foreach (var subprotocol in subprotocols)
        {
            socket.Options.AddSubProtocol(subprotocol);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await socket.ConnectAsync(new Uri(url), timeout.Token);
            return (new WsClient(socket), socket.HttpStatusCode);
        }
        catch (WebSocketException)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            return (null, status);
        }
    }

    public Task SendAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next text message; fails the test when none comes within the timeout.</summary>
    public async Task<string> ReceiveAsync(TimeSpan? timeout = null)
    {
        var message = await TryReceiveAsync(timeout ?? TimeSpan.FromSeconds(10));
        Assert.True(message is not null, $"no message within the timeout; socket {_socket.State}, close {_socket.CloseStatus} {_socket.CloseStatusDescription}");
        return message!;
    }

    /// <summary>The next text message, or null when the socket closed or nothing came in time.</summary>
    public async Task<string?> TryReceiveAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[256 * 1024];
        var length = 0;
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(length), cancel.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                length += result.Count;
                if (result.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(buffer, 0, length);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            return null;
        }
    }

    /// <summary>Reads until the server closes; its close status, or null when it did not close in time.</summary>
    public async Task<WebSocketCloseStatus?> WaitForCloseAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, cancel.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return result.CloseStatus;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            return _socket.CloseStatus;
        }
    }

    public async Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string reason = "bye")
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _socket.CloseAsync(status, reason, timeout.Token);
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
