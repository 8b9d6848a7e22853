namespace OrleansGateway.WebSockets;

/// <summary>AWS's limits for WebSocket API integrations, in one place for the control plane and the dispatcher.</summary>
public static class WebSocketIntegrationLimits
{
    public const int MinTimeoutInMillis = 50;

    /// <summary>AWS's default and maximum integration timeout for WebSocket APIs.</summary>
    public const int MaxTimeoutInMillis = 29_000;

    /// <summary>The largest integration answer read: a WebSocket message's limit, as AWS's 128 KB.</summary>
    public const int MaxReplyBytes = 128 * 1024;

    public static TimeSpan Timeout(int? timeoutInMillis) =>
        TimeSpan.FromMilliseconds(timeoutInMillis is >= MinTimeoutInMillis and <= MaxTimeoutInMillis and var ms ? ms : MaxTimeoutInMillis);
}
