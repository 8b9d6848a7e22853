namespace OrleansGateway.RestApis;

/// <summary>A model: a JSON Schema draft 4 document (apigateway <c>Model</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.RestModel")]
public sealed record RestModel
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public string? Description { get; init; }
    [Id(3)] public string? Schema { get; init; }
    [Id(4)] public string? ContentType { get; init; }
}
