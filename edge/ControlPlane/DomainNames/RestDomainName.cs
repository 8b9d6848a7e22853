using OrleansGateway.DomainNames;
using OrleansGateway.RestApis;

namespace OrleansGateway.Edge.ControlPlane.DomainNames;

/// <summary>
/// apigateway's (v1) <c>DomainName</c> shape of a stored domain name: its one configuration's
/// certificate and endpoint shown under the edge-optimized (<c>certificate*</c>,
/// <c>distribution*</c>) or regional (<c>regional*</c>) members, as AWS shows them.
/// </summary>
public sealed record RestDomainName
{
    public required string DomainName { get; init; }
    public string? CertificateName { get; init; }
    public string? CertificateArn { get; init; }
    public DateTimeOffset? CertificateUploadDate { get; init; }
    public string? RegionalDomainName { get; init; }
    public string? RegionalHostedZoneId { get; init; }
    public string? RegionalCertificateName { get; init; }
    public string? RegionalCertificateArn { get; init; }
    public string? DistributionDomainName { get; init; }
    public string? DistributionHostedZoneId { get; init; }
    public RestEndpointConfiguration? EndpointConfiguration { get; init; }
    public string? DomainNameStatus { get; init; }
    public string? DomainNameStatusMessage { get; init; }
    public string? SecurityPolicy { get; init; }
    public string? EndpointAccessMode { get; init; }
    public Dictionary<string, string>? Tags { get; init; }
    public string? OwnershipVerificationCertificateArn { get; init; }
    public string? Policy { get; init; }
    public string? RoutingMode { get; init; }

    public static RestDomainName From(DomainNameDefinition domain)
    {
        var configuration = domain.DomainNameConfigurations is [var first, ..] ? first : new DomainNameConfiguration();
        var edge = configuration.EndpointType == EndpointTypes.Edge;
        return new RestDomainName
        {
            DomainName = domain.DomainName,
            CertificateName = edge ? configuration.CertificateName : null,
            CertificateArn = edge ? configuration.CertificateArn : null,
            CertificateUploadDate = configuration.CertificateUploadDate,
            RegionalDomainName = edge ? null : configuration.ApiGatewayDomainName,
            RegionalHostedZoneId = edge ? null : configuration.HostedZoneId,
            RegionalCertificateName = edge ? null : configuration.CertificateName,
            RegionalCertificateArn = edge ? null : configuration.CertificateArn,
            DistributionDomainName = edge ? configuration.ApiGatewayDomainName : null,
            DistributionHostedZoneId = edge ? configuration.HostedZoneId : null,
            EndpointConfiguration = new RestEndpointConfiguration
            {
                Types = [configuration.EndpointType ?? EndpointTypes.Regional],
                IpAddressType = configuration.IpAddressType,
            },
            DomainNameStatus = configuration.DomainNameStatus,
            DomainNameStatusMessage = configuration.DomainNameStatusMessage,
            SecurityPolicy = configuration.SecurityPolicy,
            EndpointAccessMode = domain.EndpointAccessMode,
            Tags = domain.Tags ?? [],
            OwnershipVerificationCertificateArn = configuration.OwnershipVerificationCertificateArn,
            Policy = domain.Policy,
            RoutingMode = domain.RoutingMode,
        };
    }
}
