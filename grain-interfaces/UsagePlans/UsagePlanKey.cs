namespace OrleansGateway.UsagePlans;

/// <summary>An API key in a usage plan (apigateway <c>UsagePlanKey</c>): the key's ID, type <c>API_KEY</c>, value and name.</summary>
[GenerateSerializer, Immutable, Alias("gw.UsagePlanKey")]
public sealed record UsagePlanKey
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string Type { get; init; } = "API_KEY";
    [Id(2)] public string? Value { get; init; }
    [Id(3)] public string? Name { get; init; }
}
