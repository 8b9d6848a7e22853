namespace OrleansGateway.RestApis;

/// <summary>A method response (apigateway <c>MethodResponse</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.RestMethodResponse")]
public sealed record RestMethodResponse
{
    [Id(0)] public required string StatusCode { get; init; }
    [Id(1)] public Dictionary<string, bool>? ResponseParameters { get; init; }
    [Id(2)] public Dictionary<string, string>? ResponseModels { get; init; }
}
