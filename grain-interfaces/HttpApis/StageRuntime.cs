namespace OrleansGateway.HttpApis;

/// <summary>
/// Everything an edge needs to serve one stage without another grain call: the stage, the
/// snapshot of the deployment it points at (null before the first deployment) and a version
/// that changes whenever either does.
/// </summary>
[GenerateSerializer, Immutable, Alias("gw.StageRuntime")]
public sealed record StageRuntime
{
    [Id(0)] public required string ApiId { get; init; }
    [Id(1)] public required StageDefinition Stage { get; init; }
    [Id(2)] public DeploymentSnapshot? Deployment { get; init; }
    [Id(3)] public long Version { get; init; }
}
