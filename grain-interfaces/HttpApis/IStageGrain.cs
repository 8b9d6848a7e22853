namespace OrleansGateway.HttpApis;

/// <summary>
/// One stage, keyed <c>{apiId}/{stageName}</c>: which deployment it serves and its variables.
/// Tells every edge (through <see cref="Routing.IEdgeDirectoryGrain"/>) when that changes.
/// </summary>
[Alias("gw.IStageGrain")]
public interface IStageGrain : IGrainWithStringKey
{
    /// <summary>The stage with its deployment's snapshot; null when the stage does not exist.</summary>
    [Alias("GetRuntime")]
    Task<StageRuntime?> GetRuntime();
}
