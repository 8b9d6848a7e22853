namespace OrleansGateway.RestApis;

/// <summary>
/// Everything an edge needs to serve one REST stage without another grain call: the stage, the
/// snapshot of the deployment it serves (null before the first deployment), the canary's snapshot
/// when the stage has <c>canarySettings</c>, and a version that changes whenever any of them does.
/// </summary>
[GenerateSerializer, Immutable, Alias("gw.RestStageRuntime")]
public sealed record RestStageRuntime
{
    [Id(0)] public required string RestApiId { get; init; }
    [Id(1)] public required RestStage Stage { get; init; }
    [Id(2)] public RestDeploymentSnapshot? Deployment { get; init; }
    [Id(3)] public RestDeploymentSnapshot? CanaryDeployment { get; init; }
    [Id(4)] public long Version { get; init; }

    /// <summary>Bumped by FlushStageCache; part of every response cache key.</summary>
    [Id(5)] public long CacheGeneration { get; init; }
}
