namespace OrleansGateway.ApiKeys;

/// <summary>The body of CreateApiKey (apigateway <c>CreateApiKeyRequest</c>). Member names are the wire names.</summary>
[GenerateSerializer, Immutable, Alias("gw.ApiKeyInput")]
public sealed record ApiKeyInput
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Description { get; init; }
    [Id(2)] public bool? Enabled { get; init; }
    [Id(3)] public bool? GenerateDistinctId { get; init; }
    [Id(4)] public string? Value { get; init; }
    [Id(5)] public List<ApiKeyStageKey>? StageKeys { get; init; }
    [Id(6)] public string? CustomerId { get; init; }
    [Id(7)] public Dictionary<string, string>? Tags { get; init; }
}
