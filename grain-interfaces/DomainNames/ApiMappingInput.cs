namespace OrleansGateway.DomainNames;

/// <summary>The members of apigatewayv2 <c>CreateApiMapping</c> / <c>UpdateApiMapping</c>; null means "not given".</summary>
[GenerateSerializer, Immutable, Alias("gw.ApiMappingInput")]
public sealed record ApiMappingInput
{
    [Id(0)] public string? ApiId { get; init; }
    [Id(1)] public string? Stage { get; init; }
    [Id(2)] public string? ApiMappingKey { get; init; }
}
