using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrleansGateway.Cluster.Tests.Infrastructure;

/// <summary>A self-signed certificate for server and client authentication, written as a password-protected PKCS#12 file.</summary>
public sealed class TestCertificate : IDisposable
{
    private TestCertificate(string path, string password)
    {
        Path = path;
        Password = password;
    }

    public string Path { get; }

    public string Password { get; }

    /// <summary>The settings that turn cluster TLS on with this certificate.</summary>
    public Dictionary<string, string> Environment => new()
    {
        ["Gateway__Cluster__Tls__CertificatePath"] = Path,
        ["Gateway__Cluster__Tls__CertificatePassword"] = Password,
    };

    public static TestCertificate Create(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var password = Guid.NewGuid().ToString("N");
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"og-tls-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return new TestCertificate(path, password);
    }

    public void Dispose() => File.Delete(Path);
}
