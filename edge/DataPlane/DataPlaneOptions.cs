namespace OrleansGateway.Edge.DataPlane;

/// <summary>The <c>Gateway:DataPlane</c> configuration section; the defaults are AWS's numbers for HTTP APIs.</summary>
public sealed class DataPlaneOptions
{
    public const string Section = "Gateway:DataPlane";

    /// <summary>Largest request body accepted; more is refused with 413 (AWS: 10 MB).</summary>
    public long MaxPayloadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Integration timeout when the integration sets no <c>timeoutInMillis</c> (AWS: 30 s).</summary>
    public TimeSpan DefaultIntegrationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often cached routing tables are compared with their stage's version, in case a push was lost.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the edge renews its membership (the directory declares an edge dead after 20 s without one).</summary>
    public TimeSpan SubscriptionRenewalInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest total size of a request's headers (AWS: 10,240 bytes); more is refused with 431.</summary>
    public int MaxRequestHeadersTotalSize { get; set; } = 10 * 1024;

    /// <summary>Most headers a request may carry; more is refused with 431.</summary>
    public int MaxRequestHeaderCount { get; set; } = 100;

    /// <summary>Largest request line (method, target, version); longer is refused with 414.</summary>
    public int MaxRequestLineSize { get; set; } = 8 * 1024;

    /// <summary>How long a client may take to send its headers; a slower one gets 408 and is disconnected.</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Slowest request body accepted after <see cref="MinDataRateGracePeriod"/>, in bytes per second.</summary>
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>Slowest reader of a response accepted after <see cref="MinDataRateGracePeriod"/>, in bytes per second.</summary>
    public double MinResponseBytesPerSecond { get; set; } = 240;

    /// <summary>How long a body or response may run below its minimum rate before the connection is closed.</summary>
    public TimeSpan MinDataRateGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>What is wrong with these settings, as one line; null when Kestrel and the pipeline can use them.</summary>
    public string? Validate() => this switch
    {
        { MaxPayloadBytes: <= 0 } => $"{Section}:MaxPayloadBytes must be positive",
        { MaxRequestHeadersTotalSize: <= 0 } or { MaxRequestHeaderCount: <= 0 } or { MaxRequestLineSize: <= 0 } =>
            $"{Section}:MaxRequestHeadersTotalSize, MaxRequestHeaderCount and MaxRequestLineSize must be positive",
        _ when SubscriptionRenewalInterval <= TimeSpan.Zero || SubscriptionRenewalInterval > TimeSpan.FromSeconds(10) =>
            $"{Section}:SubscriptionRenewalInterval must be between 0 and 10 seconds (the cluster declares an edge dead after 20 s)",
        _ when RequestHeadersTimeout <= TimeSpan.Zero => $"{Section}:RequestHeadersTimeout must be positive",
        _ when MinDataRateGracePeriod <= TimeSpan.FromSeconds(1) => $"{Section}:MinDataRateGracePeriod must be more than one second (Kestrel's rule)",
        { MinRequestBodyBytesPerSecond: < 0 } or { MinResponseBytesPerSecond: < 0 } => $"{Section}:MinRequestBodyBytesPerSecond and MinResponseBytesPerSecond must not be negative",
        _ => null,
    };

    /// <summary>Bytes each edge keeps of REST response cache entries near at hand (each stage's share is also bounded by its <c>cacheClusterSize</c>).</summary>
    public long NearCacheBytes { get; set; } = 64 * 1024 * 1024;
}
