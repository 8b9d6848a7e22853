namespace OrleansGateway.RestApis;

/// <summary>
/// One stage of a REST API, keyed <c>{restApiId}/{stageName}</c>: which deployment (and canary
/// deployment) it serves, its variables and method settings. Tells every edge (through
/// <see cref="Routing.IEdgeDirectoryGrain.PublishStageChanged"/>) when that changes. Its
/// management methods are called by the API's grain, which checks names and deployment IDs first.
/// </summary>
[Alias("gw.IRestStageGrain")]
public interface IRestStageGrain : IGrainWithStringKey
{
    /// <summary>The stage with its deployments' snapshots; null when the stage does not exist.</summary>
    [Alias("GetRuntime")]
    Task<RestStageRuntime?> GetRuntime();

    /// <summary>The version <see cref="GetRuntime"/> would carry: what an edge compares on its revalidation timer.</summary>
    [Alias("GetVersion")]
    Task<long> GetVersion();
}
