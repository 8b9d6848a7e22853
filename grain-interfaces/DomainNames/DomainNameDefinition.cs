namespace OrleansGateway.DomainNames;

/// <summary>A custom domain name (apigatewayv2 <c>DomainName</c>). Member names are the wire names.</summary>
[GenerateSerializer, Alias("gw.DomainNameDefinition")]
public sealed record DomainNameDefinition
{
    [Id(0)] public required string DomainName { get; init; }
    [Id(1)] public string? ApiMappingSelectionExpression { get; init; }
    [Id(2)] public List<DomainNameConfiguration>? DomainNameConfigurations { get; init; }
    [Id(3)] public MutualTlsAuthentication? MutualTlsAuthentication { get; init; }
    [Id(4)] public string? RoutingMode { get; init; }
    [Id(5)] public Dictionary<string, string>? Tags { get; init; }
}
