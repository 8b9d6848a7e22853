using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace OrleansGateway.Bench.WebSocketLoad;

/// <summary>
/// One client: a raw socket bound to a chosen 127.0.0.x source address (ClientWebSocket cannot bind),
/// the RFC 6455 handshake written by hand, then .NET's WebSocket over the stream. Its receive loop
/// waits with a zero-byte read and reports every frame to <see cref="Receipts"/>.
/// </summary>
public sealed class ClientSocket : IDisposable
{
    private static readonly byte[] WhoAmI = """{"action":"whoami"}"""u8.ToArray();

    private readonly Stream _stream;
    private readonly Receipts _receipts;
    private TaskCompletionSource<string>? _whoAmI;

    private ClientSocket(Stream stream, WebSocket socket, Receipts receipts)
    {
        _stream = stream;
        Socket = socket;
        _receipts = receipts;
    }

    public WebSocket Socket { get; }

    /// <summary>The server's name for this connection, once <see cref="AskIdAsync"/> has answered.</summary>
    public string? ConnectionId { get; private set; }

    public static async Task<ClientSocket> ConnectAsync(IPEndPoint server, IPAddress source, Uri url, string? host, Receipts receipts, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(server, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            var key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
            var request = $"GET {url.PathAndQuery} HTTP/1.1\r\nHost: {host ?? url.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nUser-Agent: og-bench\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken);
            await ReadHandshakeAsync(stream, cancellationToken);
            var webSocket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero });
            var client = new ClientSocket(stream, webSocket, receipts);
            _ = client.ReceiveAsync();
            return client;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends {"action":"whoami"}; the server answers {"connectionId":"..."} (the gateway through a MOCK two-way route).</summary>
    public async Task<string> AskIdAsync(CancellationToken cancellationToken)
    {
        _whoAmI = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await Socket.SendAsync(WhoAmI, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        ConnectionId = await _whoAmI.Task.WaitAsync(cancellationToken);
        return ConnectionId;
    }

    public async Task CloseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Gone already.
        }

        Dispose();
    }

    public void Dispose()
    {
        Socket.Dispose();
        _stream.Dispose();
    }

    /// <summary>Reads the server's answer up to the blank line; anything but 101 fails the connect.</summary>
    private static async Task ReadHandshakeAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        var length = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                throw new IOException("the server closed the connection during the handshake");
            }

            length += read;
            var end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var head = Encoding.ASCII.GetString(buffer, 0, end);
                if (!head.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
                {
                    throw new IOException("handshake refused: " + head.Split("\r\n")[0]);
                }

                // Neither server speaks first after 101, so nothing read past the blank line is lost.
                if (end + 4 != length)
                {
                    throw new IOException("the server sent a frame before the client spoke");
                }

                return;
            }

            if (length == buffer.Length)
            {
                throw new IOException("handshake answer too long");
            }
        }
    }

    private async Task ReceiveAsync()
    {
        try
        {
            while (Socket.State == WebSocketState.Open)
            {
                _ = await _stream.ReadAsync(Memory<byte>.Empty);
                var buffer = ArrayPool<byte>.Shared.Rent(4096);
                try
                {
                    var length = 0;
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        result = await Socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                        length += result.Count;
                    }
                    while (!result.EndOfMessage && length < buffer.Length);

                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    Handle(buffer.AsSpan(0, length));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // Closed by either side.
        }
    }

    private void Handle(ReadOnlySpan<byte> frame)
    {
        if (_whoAmI is { Task.IsCompleted: false } asked && frame.IndexOf("\"connectionId\""u8) >= 0)
        {
            using var json = JsonDocument.Parse(frame.ToArray());
            // AWS's error frames name the connection too; only the route's own answer counts.
            if (!json.RootElement.TryGetProperty("message", out _)
                && json.RootElement.TryGetProperty("connectionId", out var id) && id.GetString() is { Length: > 0 } connectionId)
            {
                asked.TrySetResult(connectionId);
                return;
            }
        }

        _receipts.Received(frame);
    }
}
