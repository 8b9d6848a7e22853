using System.Diagnostics;
using OrleansGateway.EndToEnd.Tests.WebSockets;

namespace OrleansGateway.Cluster.Tests.Infrastructure;

/// <summary>
/// Reads every message a client gets, from the moment it is made, so a test can push many frames
/// (some of them during a failover) and then ask which arrived, without racing its own reads.
/// Owns the client: disposing the recorder closes it.
/// </summary>
internal sealed class FrameRecorder : IAsyncDisposable
{
    private readonly WsClient _client;
    private readonly List<string> _received = [];
    private readonly Task _reading;

    public FrameRecorder(WsClient client)
    {
        _client = client;
        _reading = ReadAsync();
    }

    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The payloads of <paramref name="expected"/> that had not arrived within <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<string>> MissingAfterAsync(IReadOnlyCollection<string> expected, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var received = Received.ToHashSet(StringComparer.Ordinal);
            var missing = expected.Where(payload => !received.Contains(payload)).ToList();
            if (missing.Count == 0 || waited.Elapsed >= timeout)
            {
                return missing;
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _reading;
    }

    private async Task ReadAsync()
    {
        try
        {
            // Null once the socket closes; nothing a test sends takes ten minutes.
            while (await _client.TryReceiveAsync(TimeSpan.FromMinutes(10)) is { } message)
            {
                lock (_received)
                {
                    _received.Add(message);
                }
            }
        }
        catch (ObjectDisposedException)
        {
            // The recorder was disposed while a read was pending.
        }
    }
}
