namespace OrleansGateway.HttpApis;

/// <summary>The members of apigatewayv2 <c>CreateRouteResponse</c> / <c>UpdateRouteResponse</c>; null means "not given".</summary>
[GenerateSerializer, Immutable, Alias("gw.RouteResponseInput")]
public sealed record RouteResponseInput
{
    [Id(0)] public string? RouteResponseKey { get; init; }
    [Id(1)] public string? ModelSelectionExpression { get; init; }
    [Id(2)] public Dictionary<string, string>? ResponseModels { get; init; }
    [Id(3)] public Dictionary<string, ParameterConstraints>? ResponseParameters { get; init; }
}
