namespace OrleansGateway.Edge.WebSockets;

/// <summary>The <c>Gateway:WebSockets</c> section; the defaults are AWS's WebSocket API limits.</summary>
public sealed class WebSocketApiOptions
{
    public const string Section = "Gateway:WebSockets";

    /// <summary>Largest frame a client may send; a larger one closes the connection with 1009 (AWS: 32 KB).</summary>
    public int MaxFrameBytes { get; set; } = 32 * 1024;

    /// <summary>Largest message a client may send; a larger one closes with 1009 (AWS: 128 KB).</summary>
    public int MaxMessageBytes { get; set; } = 128 * 1024;

    /// <summary>Largest payload a backend may post to a connection or group (AWS: 128 KB, else 413).</summary>
    public int MaxPostBytes { get; set; } = 128 * 1024;

    /// <summary>A connection with no message from its client for this long is closed (AWS: 10 minutes).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A connection is closed this long after it opened (AWS: 2 hours).</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long an upgrade waits for its <c>$connect</c> route (the integration's own timeout is at most 29 s).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(35);

    /// <summary>Protocol-level pings that keep NATs open and find dead peers.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a push may wait for a slow client's socket before it fails.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public string? Validate() => this switch
    {
        { MaxFrameBytes: <= 0 } or { MaxMessageBytes: <= 0 } or { MaxPostBytes: <= 0 } => $"{Section}: MaxFrameBytes, MaxMessageBytes and MaxPostBytes must be positive",
        _ when IdleTimeout <= TimeSpan.Zero || MaxLifetime <= TimeSpan.Zero || ConnectTimeout <= TimeSpan.Zero || SendTimeout <= TimeSpan.Zero =>
            $"{Section}: IdleTimeout, MaxLifetime, ConnectTimeout and SendTimeout must be positive",
        _ when KeepAliveInterval < TimeSpan.Zero => $"{Section}:KeepAliveInterval must not be negative",
        _ => null,
    };
}
