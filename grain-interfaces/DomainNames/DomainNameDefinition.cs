namespace OrleansGateway.DomainNames;

/// <summary>
/// A custom domain name (apigatewayv2 <c>DomainName</c>; member names are its wire names). One
/// resource for both APIs, as in AWS: apigateway (v1) sees the same record through its own shape,
/// its certificate and endpoint members being those of the single configuration, and
/// <see cref="Policy"/> and <see cref="EndpointAccessMode"/> being v1's alone.
/// </summary>
[GenerateSerializer, Alias("gw.DomainNameDefinition")]
public sealed record DomainNameDefinition
{
    [Id(0)] public required string DomainName { get; init; }
    [Id(1)] public string? ApiMappingSelectionExpression { get; init; }
    [Id(2)] public List<DomainNameConfiguration>? DomainNameConfigurations { get; init; }
    [Id(3)] public MutualTlsAuthentication? MutualTlsAuthentication { get; init; }
    [Id(4)] public string? RoutingMode { get; init; }
    [Id(5)] public Dictionary<string, string>? Tags { get; init; }
    [Id(6)] public string? Policy { get; init; }
    [Id(7)] public string? EndpointAccessMode { get; init; }
}
