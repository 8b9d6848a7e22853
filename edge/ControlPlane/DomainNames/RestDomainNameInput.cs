using OrleansGateway.DomainNames;
using OrleansGateway.Errors;
using OrleansGateway.RestApis;

namespace OrleansGateway.Edge.ControlPlane.DomainNames;

/// <summary>
/// The body of apigateway's (v1) CreateDomainName, mapped onto the one stored domain name: an
/// edge-optimized name (v1's default) takes <c>certificate*</c>, a regional one <c>regional*</c>.
/// An uploaded certificate's body, chain and private key are not kept: the edge does not
/// terminate TLS with domain names' certificates, and a private key nothing uses is a liability.
/// </summary>
public sealed record RestDomainNameInput
{
    public string? DomainName { get; init; }
    public string? CertificateName { get; init; }
    public string? CertificateBody { get; init; }
    public string? CertificatePrivateKey { get; init; }
    public string? CertificateChain { get; init; }
    public string? CertificateArn { get; init; }
    public string? RegionalCertificateName { get; init; }
    public string? RegionalCertificateArn { get; init; }
    public RestEndpointConfiguration? EndpointConfiguration { get; init; }
    public Dictionary<string, string>? Tags { get; init; }
    public string? SecurityPolicy { get; init; }
    public string? EndpointAccessMode { get; init; }
    public MutualTlsAuthentication? MutualTlsAuthentication { get; init; }
    public string? OwnershipVerificationCertificateArn { get; init; }
    public string? Policy { get; init; }
    public string? RoutingMode { get; init; }

    public DomainNameInput ToDomainNameInput()
    {
        var types = EndpointConfiguration?.Types ?? [EndpointTypes.Edge];
        if (types.Count != 1)
        {
            throw ApiGatewayException.BadRequest("A domain name must have exactly one endpoint type in endpointConfiguration.types");
        }

        var edge = types[0] == EndpointTypes.Edge;
        return new DomainNameInput
        {
            DomainName = DomainName,
            DomainNameConfigurations =
            [
                new DomainNameConfiguration
                {
                    EndpointType = types[0],
                    CertificateName = edge ? CertificateName : RegionalCertificateName,
                    CertificateArn = edge ? CertificateArn : RegionalCertificateArn,
                    SecurityPolicy = SecurityPolicy,
                    IpAddressType = EndpointConfiguration?.IpAddressType,
                    OwnershipVerificationCertificateArn = OwnershipVerificationCertificateArn,
                },
            ],
            MutualTlsAuthentication = MutualTlsAuthentication,
            RoutingMode = RoutingMode,
            Tags = Tags,
            Policy = Policy,
            EndpointAccessMode = EndpointAccessMode,
        };
    }
}
