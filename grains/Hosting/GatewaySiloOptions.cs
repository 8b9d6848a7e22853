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

    public int SiloPort { get; set; }

    public int GatewayPort { get; set; }
}
