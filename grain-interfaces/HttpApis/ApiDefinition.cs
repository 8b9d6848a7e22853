namespace OrleansGateway.HttpApis;

/// <summary>An API (apigatewayv2 <c>Api</c>): HTTP or WebSocket. Member names are the wire names.</summary>
[GenerateSerializer, Alias("gw.ApiDefinition")]
public sealed record ApiDefinition
{
    [Id(0)] public required string ApiId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string ProtocolType { get; init; }
    [Id(3)] public string? RouteSelectionExpression { get; init; }
    [Id(4)] public string? ApiKeySelectionExpression { get; init; }
    [Id(5)] public string? Description { get; init; }
    [Id(6)] public string? Version { get; init; }
    [Id(7)] public bool DisableExecuteApiEndpoint { get; init; }
    [Id(8)] public bool DisableSchemaValidation { get; init; }
    [Id(9)] public CorsConfiguration? CorsConfiguration { get; init; }
    [Id(10)] public Dictionary<string, string>? Tags { get; init; }
    [Id(11)] public DateTimeOffset CreatedDate { get; init; }
    [Id(12)] public string? IpAddressType { get; init; }
}
