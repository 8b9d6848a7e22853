namespace OrleansGateway.DomainNames;

/// <summary>The members of apigatewayv2 <c>CreateDomainName</c> / <c>UpdateDomainName</c> (and of apigateway's CreateDomainName, mapped onto them); null means "not given".</summary>
[GenerateSerializer, Immutable, Alias("gw.DomainNameInput")]
public sealed record DomainNameInput
{
    [Id(0)] public string? DomainName { get; init; }
    [Id(1)] public List<DomainNameConfiguration>? DomainNameConfigurations { get; init; }
    [Id(2)] public MutualTlsAuthentication? MutualTlsAuthentication { get; init; }
    [Id(3)] public string? RoutingMode { get; init; }
    [Id(4)] public Dictionary<string, string>? Tags { get; init; }
    [Id(5)] public string? Policy { get; init; }
    [Id(6)] public string? EndpointAccessMode { get; init; }
}
