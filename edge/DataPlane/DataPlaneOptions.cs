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

    /// <summary>How often the edge renews its routing subscription (the directory forgets it after two minutes).</summary>
    public TimeSpan SubscriptionRenewalInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// At most this many unknown API IDs are remembered as unknown, so random hosts can neither grow
    /// the cache without bound nor make revalidation call more grains than this.
    /// </summary>
    public int MaxUnknownApis { get; set; } = 1_000;
}
