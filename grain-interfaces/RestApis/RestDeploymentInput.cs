namespace OrleansGateway.RestApis;

/// <summary>The body of CreateDeployment: a stage to create or move, and what to set on it. Member names are the wire names.</summary>
[GenerateSerializer, Immutable, Alias("gw.RestDeploymentInput")]
public sealed record RestDeploymentInput
{
    [Id(0)] public string? StageName { get; init; }
    [Id(1)] public string? StageDescription { get; init; }
    [Id(2)] public string? Description { get; init; }
    [Id(3)] public bool? CacheClusterEnabled { get; init; }
    [Id(4)] public string? CacheClusterSize { get; init; }
    [Id(5)] public Dictionary<string, string>? Variables { get; init; }
    [Id(6)] public RestDeploymentCanaryInput? CanarySettings { get; init; }
    [Id(7)] public bool? TracingEnabled { get; init; }
}
