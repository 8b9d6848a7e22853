namespace OrleansGateway.RestApis;

/// <summary>The body of CreateStage. Member names are the wire names.</summary>
[GenerateSerializer, Immutable, Alias("gw.RestStageInput")]
public sealed record RestStageInput
{
    [Id(0)] public string? StageName { get; init; }
    [Id(1)] public string? DeploymentId { get; init; }
    [Id(2)] public string? Description { get; init; }
    [Id(3)] public bool? CacheClusterEnabled { get; init; }
    [Id(4)] public string? CacheClusterSize { get; init; }
    [Id(5)] public Dictionary<string, string>? Variables { get; init; }
    [Id(6)] public string? DocumentationVersion { get; init; }
    [Id(7)] public RestCanarySettings? CanarySettings { get; init; }
    [Id(8)] public bool? TracingEnabled { get; init; }
    [Id(9)] public Dictionary<string, string>? Tags { get; init; }
}
