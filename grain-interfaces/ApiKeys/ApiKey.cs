namespace OrleansGateway.ApiKeys;

/// <summary>An API key (apigateway <c>ApiKey</c>). Member names are the wire names; <see cref="StageKeys"/> are <c>restApiId/stageName</c>.</summary>
[GenerateSerializer, Immutable, Alias("gw.ApiKey")]
public sealed record ApiKey
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string? Value { get; init; }
    [Id(2)] public string? Name { get; init; }
    [Id(3)] public string? CustomerId { get; init; }
    [Id(4)] public string? Description { get; init; }
    [Id(5)] public bool Enabled { get; init; }
    [Id(6)] public DateTimeOffset CreatedDate { get; init; }
    [Id(7)] public DateTimeOffset LastUpdatedDate { get; init; }
    [Id(8)] public List<string> StageKeys { get; init; } = [];
    [Id(9)] public Dictionary<string, string>? Tags { get; init; }
}
