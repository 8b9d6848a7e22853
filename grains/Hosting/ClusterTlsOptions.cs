namespace OrleansGateway.Hosting;

/// <summary>
/// <c>Gateway:Cluster:Tls</c>: TLS between silos and edges (Orleans' own connections), off unless
/// <see cref="CertificatePath"/> is set. Every silo and edge of a cluster needs the same setting.
/// </summary>
public sealed class ClusterTlsOptions
{
    public const string Section = "Gateway:Cluster:Tls";

    /// <summary>A PKCS#12 file (.pfx/.p12), or a PEM certificate with <see cref="KeyPath"/>.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PKCS#12 file's password, if any.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The PEM private key of a PEM <see cref="CertificatePath"/>.</summary>
    public string? KeyPath { get; set; }

    /// <summary>
    /// A CA certificate (PEM or DER): peers must present a certificate it issued. Without it, peers
    /// must present this process's own certificate (one cluster certificate shared by all).
    /// </summary>
    public string? AuthorityPath { get; set; }
}
