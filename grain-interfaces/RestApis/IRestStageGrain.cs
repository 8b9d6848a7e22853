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

    /// <summary>The stage; null when it does not exist.</summary>
    [Alias("Get")]
    Task<RestStage?> Get();

    /// <summary>
    /// Stores the stage as given (created or changed by the API's grain, which validated it), stamps
    /// <c>lastUpdatedDate</c>, gives it a new version and tells the edges.
    /// </summary>
    [Alias("Save")]
    Task<RestStage> Save(RestStage stage);

    /// <summary>Replaces the tags alone: not served, so no new version and nothing published.</summary>
    [Alias("SetTags")]
    Task<RestStage> SetTags(Dictionary<string, string> tags);

    /// <summary>
    /// FlushStageCache: bumps the stage's cache generation (part of every response cache key, so all
    /// older entries become unreachable) with a new version, and tells the edges.
    /// </summary>
    [Alias("FlushCache")]
    Task FlushCache();

    [Alias("Delete")]
    Task Delete();
}
