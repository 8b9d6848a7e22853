namespace OrleansGateway.RestApis;

/// <summary>Where a REST API or domain name is reachable (apigateway <c>EndpointConfiguration</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.RestEndpointConfiguration")]
public sealed record RestEndpointConfiguration
{
    [Id(0)] public List<string>? Types { get; init; }
    [Id(1)] public string? IpAddressType { get; init; }
    [Id(2)] public List<string>? VpcEndpointIds { get; init; }
}
