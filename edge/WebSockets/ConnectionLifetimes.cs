using System.Net.WebSockets;

namespace OrleansGateway.Edge.WebSockets;

/// <summary>
/// Closes connections whose client has been quiet for the idle timeout or that reached their
/// lifetime (1001, as AWS does), with one timer for all sockets rather than one each; and when the
/// host stops, closes every socket (1001) as soon as stopping begins, so each one's <c>$disconnect</c>
/// is queued while the cluster is still there.
/// </summary>
public sealed partial class ConnectionLifetimes(
    SocketRegistry sockets,
    WebSocketApiOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<ConnectionLifetimes> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        lifetime.ApplicationStopping.Register(CloseAll);
        var tick = TimeSpan.FromTicks(Math.Clamp(Math.Min(options.IdleTimeout.Ticks, options.MaxLifetime.Ticks) / 4, TimeSpan.FromMilliseconds(250).Ticks, TimeSpan.FromSeconds(5).Ticks));
        using var timer = new PeriodicTimer(tick);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Sweep(DateTimeOffset.UtcNow);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var connection in sockets.Connections)
        {
            if (connection.CloseStatus != 0)
            {
                continue;
            }

            if (now - connection.Context.ConnectedAt >= options.MaxLifetime)
            {
                _ = connection.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "Going away", options.SendTimeout);
            }
            else if (now - connection.LastActiveAt >= options.IdleTimeout)
            {
                _ = connection.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "Going away", options.SendTimeout);
            }
        }
    }

    private void CloseAll()
    {
        Log.Closing(logger, sockets.Count);
        foreach (var connection in sockets.Connections)
        {
            _ = connection.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "Going away", options.SendTimeout);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "WebSockets: stopping, closing {Count} connections (1001)")]
        public static partial void Closing(ILogger logger, int count);
    }
}
