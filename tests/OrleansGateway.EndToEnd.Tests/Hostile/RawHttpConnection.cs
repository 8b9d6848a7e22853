using System.Net.Sockets;
using System.Text;

namespace OrleansGateway.EndToEnd.Tests.Hostile;

/// <summary>A bare TCP connection to send requests byte by byte, as a slow or malicious client does.</summary>
internal sealed class RawHttpConnection : IDisposable
{
    private readonly TcpClient _client = new();

    private NetworkStream Stream => _client.GetStream();

    public static async Task<RawHttpConnection> OpenAsync(string baseUrl)
    {
        var uri = new Uri(baseUrl);
        var connection = new RawHttpConnection();
        await connection._client.ConnectAsync(uri.Host, uri.Port);
        return connection;
    }

    /// <summary>Writes text; false once the server has closed the connection.</summary>
    public async Task<bool> TrySendAsync(string text)
    {
        try
        {
            await Stream.WriteAsync(Encoding.ASCII.GetBytes(text));
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Everything the server sends until it closes the connection, or null if it is still open after <paramref name="within"/>.</summary>
    public async Task<string?> ReadUntilClosedAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var read = await Stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    return Encoding.UTF8.GetString(received.ToArray());
                }

                received.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (IOException)
        {
            return Encoding.UTF8.GetString(received.ToArray());
        }
    }

    public void Dispose() => _client.Dispose();
}
