namespace OrleansGateway.Edge.Hosting;

/// <summary>The <c>Gateway</c> configuration section of an edge.</summary>
public sealed class GatewayOptions
{
    public GatewayMode Mode { get; set; } = GatewayMode.Embedded;

    public StorageSection Storage { get; set; } = new();

    public SiloSection Silo { get; set; } = new();

    public AdminSection Admin { get; set; } = new();

    public sealed class StorageSection
    {
        public string Path { get; set; } = "data";

        public string? ConnectionString { get; set; }
    }

    public sealed class SiloSection
    {
        public int SiloPort { get; set; }

        public int GatewayPort { get; set; }

        /// <summary>Cluster mode: the silo gateway ports this edge connects to (static list), if not using Azure Storage discovery.</summary>
        public string ClusterId { get; set; } = "orleans-gateway";

        public string ServiceId { get; set; } = "orleans-gateway";
    }

    public sealed class AdminSection
    {
        public string? AccessKeyId { get; set; }

        public string? SecretAccessKey { get; set; }

        public bool HasKeys => !string.IsNullOrEmpty(AccessKeyId) && !string.IsNullOrEmpty(SecretAccessKey);
    }
}
