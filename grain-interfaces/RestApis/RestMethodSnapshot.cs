namespace OrleansGateway.RestApis;

/// <summary>What a deployment's <c>apiSummary</c> says of one method (apigateway <c>MethodSnapshot</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.RestMethodSnapshot")]
public sealed record RestMethodSnapshot
{
    [Id(0)] public string? AuthorizationType { get; init; }
    [Id(1)] public bool ApiKeyRequired { get; init; }
}
