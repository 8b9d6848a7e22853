namespace OrleansGateway.HttpApis;

/// <summary>The members of apigatewayv2 <c>CreateRoute</c> / <c>UpdateRoute</c>; null means "not given".</summary>
[GenerateSerializer, Immutable, Alias("gw.RouteInput")]
public sealed record RouteInput
{
    [Id(0)] public string? RouteKey { get; init; }
    [Id(1)] public string? Target { get; init; }
    [Id(2)] public string? AuthorizationType { get; init; }
    [Id(3)] public string? AuthorizerId { get; init; }
    [Id(4)] public List<string>? AuthorizationScopes { get; init; }
    [Id(5)] public bool? ApiKeyRequired { get; init; }
    [Id(6)] public string? OperationName { get; init; }
    [Id(7)] public string? ModelSelectionExpression { get; init; }
    [Id(8)] public Dictionary<string, string>? RequestModels { get; init; }
    [Id(9)] public Dictionary<string, ParameterConstraints>? RequestParameters { get; init; }
    [Id(10)] public string? RouteResponseSelectionExpression { get; init; }
}
