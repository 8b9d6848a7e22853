namespace OrleansGateway.RestApis;

/// <summary>The body of CreateModel. Member names are the wire names.</summary>
[GenerateSerializer, Immutable, Alias("gw.RestModelInput")]
public sealed record RestModelInput
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Description { get; init; }
    [Id(2)] public string? Schema { get; init; }
    [Id(3)] public string? ContentType { get; init; }
}
