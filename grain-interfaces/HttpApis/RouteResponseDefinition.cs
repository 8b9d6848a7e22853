namespace OrleansGateway.HttpApis;

/// <summary>A route response (apigatewayv2 <c>RouteResponse</c>) of a WebSocket route.</summary>
[GenerateSerializer, Alias("gw.RouteResponseDefinition")]
public sealed record RouteResponseDefinition
{
    [Id(0)] public required string RouteResponseId { get; init; }
    [Id(1)] public required string RouteResponseKey { get; init; }
    [Id(2)] public string? ModelSelectionExpression { get; init; }
    [Id(3)] public Dictionary<string, string>? ResponseModels { get; init; }
    [Id(4)] public Dictionary<string, ParameterConstraints>? ResponseParameters { get; init; }
}
