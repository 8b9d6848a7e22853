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

        /// <summary>
        /// The region a signature's credential scope must name; unset, any well-formed region
        /// (the AWS CLI signs for whatever region it is configured with).
        /// </summary>
        public string? Region { get; set; }

        /// <summary>Largest control-plane request body, in bytes; larger ones are answered 413 unread.</summary>
        public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

        public bool HasKeys => !string.IsNullOrEmpty(AccessKeyId) && !string.IsNullOrEmpty(SecretAccessKey);
    }
}
