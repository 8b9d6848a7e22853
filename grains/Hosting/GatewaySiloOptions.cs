namespace OrleansGateway.Hosting;

/// <summary>How a silo (co-hosted in embedded mode, standalone in cluster mode) stores and clusters.</summary>
public sealed class GatewaySiloOptions
{
    /// <summary>Embedded: the folder for grain state files.</summary>
    public string StoragePath { get; set; } = "data";

    /// <summary>Cluster: the Azure Storage connection string for clustering and grain state.</summary>
    public string? ConnectionString { get; set; }

    public string ClusterId { get; set; } = "orleans-gateway";

    public string ServiceId { get; set; } = "orleans-gateway";

    /// <summary>Cluster: the address other silos and edges reach this silo at (an IP, or a host name resolved at start-up).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    public int SiloPort { get; set; }

    public int GatewayPort { get; set; }
}
