using System.Net.WebSockets;

namespace OrleansGateway.Bench.WebSocketServer;

/// <summary>One socket and its one-writer-at-a-time lock (a WebSocket takes one send at a time, as the edge's ClientConnection does).</summary>
public sealed class HeldSocket(string id, WebSocket socket)
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public string Id { get; } = id;

    public WebSocket Socket { get; } = socket;

    public async Task<bool> SendAsync(ReadOnlyMemory<byte> payload)
    {
        await _writer.WaitAsync();
        try
        {
            if (Socket.State != WebSocketState.Open)
            {
                return false;
            }

            await Socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            _writer.Release();
        }
    }
}
