namespace OrleansGateway.HttpApis;

/// <summary>apigatewayv2 <c>ParameterConstraints</c>: whether a route request parameter is required.</summary>
[GenerateSerializer, Alias("gw.ParameterConstraints")]
public sealed record ParameterConstraints
{
    [Id(0)] public bool Required { get; init; }
}
