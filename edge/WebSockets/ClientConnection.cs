using System.Net.WebSockets;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Edge.WebSockets;

/// <summary>
/// One socket this edge holds: its context, when its client was last heard from, the groups it joined
/// (so it leaves them when it goes) and one writer at a time. <paramref name="abortTransport"/> ends
/// the TCP connection under the socket: aborting a <see cref="WebSocket"/> alone does not wake the
/// session's pending read on Kestrel's upgraded stream, which would then wait for the client.
/// </summary>
public sealed class ClientConnection(WebSocket socket, ConnectionContext context, Action abortTransport)
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private HashSet<string>? _groups;
    private long _lastActiveTicks = context.ConnectedAt.UtcTicks;
    private int _closeStatus;

    public ConnectionContext Context { get; } = context;

    public WebSocket Socket { get; } = socket;

    public DateTimeOffset LastActiveAt => new(Interlocked.Read(ref _lastActiveTicks), TimeSpan.Zero);

    /// <summary>Why the edge closed the socket (0 while it has not); the code <c>$disconnect</c> reports.</summary>
    public int CloseStatus => Volatile.Read(ref _closeStatus);

    public string CloseReason { get; private set; } = string.Empty;

    /// <summary>The cluster already ran this connection's <c>$disconnect</c> (it declared this edge dead).</summary>
    public bool Abandoned { get; set; }

    public void Touch() => Interlocked.Exchange(ref _lastActiveTicks, DateTime.UtcNow.Ticks);

    /// <summary>Writes one frame; false when the socket is no longer open or the client does not take it in time.</summary>
    public async Task<bool> SendAsync(ReadOnlyMemory<byte> payload, TimeSpan timeout)
    {
        var type = IsUtf8(payload.Span) ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
        if (!await _writer.WaitAsync(timeout))
        {
            return false;
        }

        try
        {
            if (Socket.State != WebSocketState.Open)
            {
                return false;
            }

            using var cancel = new CancellationTokenSource(timeout);
            await Socket.SendAsync(payload, type, endOfMessage: true, cancel.Token);
            return true;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            return false;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Starts the closing handshake with <paramref name="status"/>; false when the socket was closing already.</summary>
    public async Task<bool> CloseAsync(WebSocketCloseStatus status, string reason, TimeSpan timeout)
    {
        if (Interlocked.CompareExchange(ref _closeStatus, (int)status, 0) != 0)
        {
            return false;
        }

        CloseReason = reason;
        if (!await _writer.WaitAsync(timeout))
        {
            Abort();
            return true;
        }

        try
        {
            using var cancel = new CancellationTokenSource(timeout);
            await Socket.CloseOutputAsync(status, reason, cancel.Token);
            _ = AbortUnlessClosedAsync(timeout);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            Abort();
        }
        finally
        {
            _writer.Release();
        }

        return true;
    }

    /// <summary>A client that does not answer our close frame in time is cut off, so its session (and <c>$disconnect</c>) ends.</summary>
    private async Task AbortUnlessClosedAsync(TimeSpan timeout)
    {
        await Task.Delay(timeout);
        if (Socket.State != WebSocketState.Closed)
        {
            Abort();
        }
    }

    /// <summary>Ends the socket and its connection at once; the session then runs <c>$disconnect</c>.</summary>
    public void Abort()
    {
        Socket.Abort();
        try
        {
            abortTransport();
        }
        catch (ObjectDisposedException)
        {
            // The session had already ended and Kestrel let go of the request.
        }
    }

    public bool Join(string groupKey)
    {
        lock (this)
        {
            return (_groups ??= new HashSet<string>(StringComparer.Ordinal)).Add(groupKey);
        }
    }

    public void Leave(string groupKey)
    {
        lock (this)
        {
            _groups?.Remove(groupKey);
        }
    }

    public string[] Groups()
    {
        lock (this)
        {
            return _groups is null ? [] : [.. _groups];
        }
    }

    private static bool IsUtf8(ReadOnlySpan<byte> payload) => System.Text.Unicode.Utf8.IsValid(payload);
}
