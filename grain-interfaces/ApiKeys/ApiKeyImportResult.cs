namespace OrleansGateway.ApiKeys;

/// <summary>What ImportApiKeys answers (apigateway <c>ApiKeyIds</c>): the created keys' IDs and the rows it skipped.</summary>
[GenerateSerializer, Immutable, Alias("gw.ApiKeyImportResult")]
public sealed record ApiKeyImportResult
{
    [Id(0)] public List<string> Ids { get; init; } = [];
    [Id(1)] public List<string> Warnings { get; init; } = [];
}
