namespace OrleansGateway.DomainNames;

/// <summary>An API mapping (apigatewayv2 <c>ApiMapping</c>): a stage of an API under a path of a custom domain name.</summary>
[GenerateSerializer, Alias("gw.ApiMappingDefinition")]
public sealed record ApiMappingDefinition
{
    [Id(0)] public required string ApiMappingId { get; init; }
    [Id(1)] public required string ApiId { get; init; }
    [Id(2)] public required string Stage { get; init; }
    [Id(3)] public string? ApiMappingKey { get; init; }
}
