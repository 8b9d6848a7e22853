namespace OrleansGateway.DomainNames;

/// <summary>apigatewayv2 <c>DomainNameConfiguration</c>: the endpoint and certificate of a custom domain name.</summary>
[GenerateSerializer, Immutable, Alias("gw.DomainNameConfiguration")]
public sealed record DomainNameConfiguration
{
    [Id(0)] public string? ApiGatewayDomainName { get; init; }
    [Id(1)] public string? CertificateArn { get; init; }
    [Id(2)] public string? CertificateName { get; init; }
    [Id(3)] public DateTimeOffset? CertificateUploadDate { get; init; }
    [Id(4)] public string? DomainNameStatus { get; init; }
    [Id(5)] public string? DomainNameStatusMessage { get; init; }
    [Id(6)] public string? EndpointType { get; init; }
    [Id(7)] public string? SecurityPolicy { get; init; }
    [Id(8)] public string? IpAddressType { get; init; }
    [Id(9)] public string? OwnershipVerificationCertificateArn { get; init; }
    [Id(10)] public string? HostedZoneId { get; init; }
}
