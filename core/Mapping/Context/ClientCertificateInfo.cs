namespace OrleansGateway.Mapping.Context;

/// <summary>
/// The mutual-TLS client certificate behind <c>$context.identity.clientCert.*</c>, kept as values
/// rather than an <c>X509Certificate2</c> so that core stays free of the host's TLS types; the
/// edge copies them out of the connection.
/// </summary>
public sealed record ClientCertificateInfo(
    string ClientCertPem,
    string SubjectDN,
    string IssuerDN,
    string SerialNumber,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter);
