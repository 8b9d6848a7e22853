using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace OrleansGateway.Hosting;

/// <summary>
/// Mutual TLS on Orleans' connections (silo to silo, edge to silo), from <see cref="ClusterTlsOptions"/>.
/// Peers are addressed by IP from the membership table, so host names are not checked: trust comes
/// from the certificate itself (pinned) or from the configured authority.
/// </summary>
public sealed class ClusterTls
{
    private ClusterTls(X509Certificate2 certificate, X509Certificate2? authority)
    {
        Certificate = certificate;
        Authority = authority;
    }

    public X509Certificate2 Certificate { get; }

    public X509Certificate2? Authority { get; }

    /// <summary>Loads the certificates; null with no error when TLS is off; a one-line error when it cannot work.</summary>
    public static string? TryLoad(ClusterTlsOptions options, out ClusterTls? tls)
    {
        tls = null;
        if (string.IsNullOrEmpty(options.CertificatePath))
        {
            return options.KeyPath is null && options.AuthorityPath is null
                ? null
                : "Gateway__Cluster__Tls__CertificatePath is required when Gateway__Cluster__Tls__KeyPath or AuthorityPath is set";
        }

        foreach (var (name, path) in new[] { ("CertificatePath", options.CertificatePath), ("KeyPath", options.KeyPath), ("AuthorityPath", options.AuthorityPath) })
        {
            if (path is not null && !File.Exists(path))
            {
                return $"Gateway__Cluster__Tls__{name}: no file at {path}";
            }
        }

        X509Certificate2 certificate;
        try
        {
            certificate = options.KeyPath is not null
                ? X509Certificate2.CreateFromPemFile(options.CertificatePath, options.KeyPath)
                : X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
        }
        catch (CryptographicException e)
        {
            return $"Gateway__Cluster__Tls__CertificatePath: cannot read {options.CertificatePath} ({FirstLine(e.Message)}); give a PKCS#12 file and its password, or a PEM certificate and Gateway__Cluster__Tls__KeyPath";
        }

        if (!certificate.HasPrivateKey)
        {
            return $"Gateway__Cluster__Tls__CertificatePath: {options.CertificatePath} holds no private key";
        }

        X509Certificate2? authority = null;
        if (options.AuthorityPath is not null)
        {
            try
            {
                authority = X509CertificateLoader.LoadCertificateFromFile(options.AuthorityPath);
            }
            catch (CryptographicException e)
            {
                return $"Gateway__Cluster__Tls__AuthorityPath: cannot read {options.AuthorityPath} ({FirstLine(e.Message)})";
            }
        }

        tls = new ClusterTls(certificate, authority);
        return null;
    }

    /// <summary>Both ends present a certificate and both check the other's.</summary>
    public void Configure(TlsOptions options)
    {
        options.LocalCertificate = Certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (remote, _, _) => Trusts(remote);
    }

    /// <summary>Whether a peer presenting <paramref name="remote"/> belongs to this cluster.</summary>
    public bool Trusts(X509Certificate2 remote)
    {
        if (Authority is null)
        {
            return remote.RawDataMemory.Span.SequenceEqual(Certificate.RawDataMemory.Span);
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(remote);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
