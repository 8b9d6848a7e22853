namespace OrleansGateway.HttpApis;

/// <summary>A route (apigatewayv2 <c>Route</c>); <see cref="Target"/> is <c>integrations/{id}</c>.</summary>
[GenerateSerializer, Alias("gw.RouteDefinition")]
public sealed record RouteDefinition
{
    [Id(0)] public required string RouteId { get; init; }
    [Id(1)] public required string RouteKey { get; init; }
    [Id(2)] public string? Target { get; init; }
    [Id(3)] public string? AuthorizationType { get; init; }
    [Id(4)] public string? AuthorizerId { get; init; }
    [Id(5)] public List<string>? AuthorizationScopes { get; init; }
    [Id(6)] public bool ApiKeyRequired { get; init; }
    [Id(7)] public string? OperationName { get; init; }
    [Id(8)] public string? ModelSelectionExpression { get; init; }
    [Id(9)] public Dictionary<string, string>? RequestModels { get; init; }
    [Id(10)] public Dictionary<string, ParameterConstraints>? RequestParameters { get; init; }
    [Id(11)] public string? RouteResponseSelectionExpression { get; init; }
    [Id(12)] public bool ApiGatewayManaged { get; init; }
}
