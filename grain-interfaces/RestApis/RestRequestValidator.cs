namespace OrleansGateway.RestApis;

/// <summary>A request validator (apigateway <c>RequestValidator</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.RestRequestValidator")]
public sealed record RestRequestValidator
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string? Name { get; init; }
    [Id(2)] public bool ValidateRequestBody { get; init; }
    [Id(3)] public bool ValidateRequestParameters { get; init; }
}
