using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace OrleansGateway.Bench.WebSocketServer;

/// <summary>The sockets by ID, the upgrade, the receive loop, push and broadcast.</summary>
public sealed class SocketHolder
{
    private const string HandshakeGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    // The edge pings every 30 s by default; the baseline does the same, so both hold the same timer per socket.
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, HeldSocket> _sockets = new(StringComparer.Ordinal);
    private long _sequence;

    public async Task AcceptAsync(HttpContext context)
    {
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        var key = context.Request.Headers.SecWebSocketKey.ToString();
        if (upgrade is not { IsUpgradableRequest: true } || key.Length != 24)
        {
            context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            return;
        }

        var response = context.Response;
        response.Headers.Connection = "Upgrade";
        response.Headers.Upgrade = "websocket";
        response.Headers.SecWebSocketAccept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + HandshakeGuid)));
        if (context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } bodyRate)
        {
            bodyRate.MinDataRate = null;
        }

        if (context.Features.Get<IHttpMinResponseDataRateFeature>() is { } responseRate)
        {
            responseRate.MinDataRate = null;
        }

        var stream = await upgrade.UpgradeAsync();
        using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = KeepAliveInterval });
        var held = new HeldSocket(Interlocked.Increment(ref _sequence).ToString("x16"), socket);
        _sockets[held.Id] = held;
        try
        {
            await ReceiveAsync(held, stream);
        }
        finally
        {
            _sockets.TryRemove(held.Id, out _);
        }
    }

    public async Task PushAsync(HttpContext context, string id)
    {
        var body = await ReadBodyAsync(context.Request);
        context.Response.StatusCode = _sockets.TryGetValue(id, out var held) && await held.SendAsync(body)
            ? StatusCodes.Status200OK
            : StatusCodes.Status410Gone;
    }

    public async Task BroadcastAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context.Request);
        var sends = _sockets.Values.Select(held => held.SendAsync(body)).ToArray();
        var reached = (await Task.WhenAll(sends)).Count(sent => sent);
        await context.Response.WriteAsJsonAsync(new BroadcastResult(reached), BenchJsonContext.Default.BroadcastResult);
    }

    /// <summary>Waits with a zero-byte read (no buffer held while idle), then reads one message into a pooled buffer.</summary>
    private static async Task ReceiveAsync(HeldSocket held, Stream stream)
    {
        var socket = held.Socket;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                _ = await stream.ReadAsync(Memory<byte>.Empty);
                var buffer = ArrayPool<byte>.Shared.Rent(4096);
                try
                {
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                    }
                    while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None);
                        return;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                // Made when asked, so an idle socket does not keep it.
                await held.SendAsync(Encoding.UTF8.GetBytes($$"""{"connectionId":"{{held.Id}}"}"""));
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away; the socket is dropped.
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream((int)(request.ContentLength ?? 256));
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
