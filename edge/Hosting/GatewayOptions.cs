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
        /// <summary>Embedded mode: the co-hosted silo's ports (0 picks a free one).</summary>
        public int SiloPort { get; set; }

        public int GatewayPort { get; set; }

        /// <summary>Both modes: the Orleans cluster; in cluster mode it must match the silos'.</summary>
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
