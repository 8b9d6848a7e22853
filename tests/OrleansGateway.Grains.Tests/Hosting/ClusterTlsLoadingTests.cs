using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OrleansGateway.Hosting;

namespace OrleansGateway.Grains.Tests.Hosting;

/// <summary>Gateway__Cluster__Tls__*: which files load, which peers are trusted, and the one-line errors.</summary>
public sealed class ClusterTlsLoadingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("og-tls-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void NoCertificate_IsTlsOff()
    {
        Assert.Null(ClusterTls.TryLoad(new ClusterTlsOptions(), out var tls));
        Assert.Null(tls);
    }

    [Fact]
    public void PemPairWithAnAuthority_TrustsWhatTheAuthorityIssued_AndNothingElse()
    {
        using var authorityKey = RSA.Create(2048);
        var authorityRequest = new CertificateRequest("CN=og-ca", authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var authority = authorityRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        using var silo = Issue(authority, "CN=silo", out var siloKey);
        using var edge = Issue(authority, "CN=edge", out _);
        using var stranger = SelfSigned("CN=silo");
        File.WriteAllText(Path.Combine(_folder, "silo.pem"), silo.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_folder, "silo.key"), siloKey);
        File.WriteAllText(Path.Combine(_folder, "ca.pem"), authority.ExportCertificatePem());

        var error = ClusterTls.TryLoad(new ClusterTlsOptions
        {
            CertificatePath = Path.Combine(_folder, "silo.pem"),
            KeyPath = Path.Combine(_folder, "silo.key"),
            AuthorityPath = Path.Combine(_folder, "ca.pem"),
        }, out var tls);

        Assert.Null(error);
        Assert.True(tls!.Certificate.HasPrivateKey);
        Assert.True(tls.Trusts(edge));
        Assert.False(tls.Trusts(stranger));
    }

    [Fact]
    public void PkcsFileWithoutAnAuthority_TrustsOnlyItsOwnCertificate()
    {
        using var own = SelfSigned("CN=cluster");
        using var other = SelfSigned("CN=cluster");
        var path = Path.Combine(_folder, "cluster.pfx");
        File.WriteAllBytes(path, own.Export(X509ContentType.Pkcs12, "secret"));

        Assert.Null(ClusterTls.TryLoad(new ClusterTlsOptions { CertificatePath = path, CertificatePassword = "secret" }, out var tls));
        using var presented = X509CertificateLoader.LoadCertificate(own.RawData);
        Assert.True(tls!.Trusts(presented));
        Assert.False(tls.Trusts(other));
    }

    [Fact]
    public void BadSettings_AreOneLineErrors()
    {
        using var own = SelfSigned("CN=cluster");
        var pfx = Path.Combine(_folder, "cluster.pfx");
        File.WriteAllBytes(pfx, own.Export(X509ContentType.Pkcs12, "secret"));
        var missing = Path.Combine(_folder, "missing.pfx");

        string?[] errors =
        [
            ClusterTls.TryLoad(new ClusterTlsOptions { CertificatePath = missing }, out _),
            ClusterTls.TryLoad(new ClusterTlsOptions { CertificatePath = pfx, CertificatePassword = "wrong" }, out _),
            ClusterTls.TryLoad(new ClusterTlsOptions { KeyPath = pfx }, out _),
        ];

        Assert.Equal($"Gateway__Cluster__Tls__CertificatePath: no file at {missing}", errors[0]);
        Assert.StartsWith($"Gateway__Cluster__Tls__CertificatePath: cannot read {pfx} (", errors[1]);
        Assert.Equal("Gateway__Cluster__Tls__CertificatePath is required when Gateway__Cluster__Tls__KeyPath or AuthorityPath is set", errors[2]);
        Assert.All(errors, e => Assert.DoesNotContain('\n', e!));
    }

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = RSA.Create(2048);
        return new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string subject, out string keyPem)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var serial = RandomNumberGenerator.GetBytes(8);
        keyPem = key.ExportPkcs8PrivateKeyPem();
        return request.Create(authority, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(12), serial);
    }
}
