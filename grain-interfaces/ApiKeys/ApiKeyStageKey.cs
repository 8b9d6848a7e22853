namespace OrleansGateway.ApiKeys;

/// <summary>A stage an API key is bound to in CreateApiKey (apigateway <c>StageKey</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.ApiKeyStageKey")]
public sealed record ApiKeyStageKey
{
    [Id(0)] public string? RestApiId { get; init; }
    [Id(1)] public string? StageName { get; init; }
}
