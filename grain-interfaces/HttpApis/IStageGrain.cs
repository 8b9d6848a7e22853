namespace OrleansGateway.HttpApis;

/// <summary>
/// One stage, keyed <c>{apiId}/{stageName}</c>: which deployment it serves and its variables.
/// Tells every edge (through <see cref="Routing.IEdgeDirectoryGrain"/>) when that changes.
/// Its management methods are called by the API's <see cref="IApiGrain"/>, which checks
/// names and deployment ids first.
/// </summary>
[Alias("gw.IStageGrain")]
public interface IStageGrain : IGrainWithStringKey
{
    /// <summary>The stage with its deployment's snapshot; null when the stage does not exist.</summary>
    [Alias("GetRuntime")]
    Task<StageRuntime?> GetRuntime();

    /// <summary>The version <see cref="GetRuntime"/> would carry: what an edge compares on its revalidation timer.</summary>
    [Alias("GetVersion")]
    Task<long> GetVersion();

    /// <summary>Creates the stage from the given members.</summary>
    [Alias("Create")]
    Task<StageDefinition> Create(StageInput input, bool apiGatewayManaged);

    /// <summary>The stage; null when it does not exist.</summary>
    [Alias("Get")]
    Task<StageDefinition?> Get();

    /// <summary>Changes the members given (a deploymentId switches the deployment served).</summary>
    [Alias("Update")]
    Task<StageDefinition> Update(StageInput input);

    /// <summary>Serves another deployment (CreateDeployment with a stage name, or autoDeploy).</summary>
    [Alias("Deploy")]
    Task<StageDefinition> Deploy(string deploymentId);

    [Alias("Delete")]
    Task Delete();

    /// <summary>Replaces the stage's tags; the API grain has merged them.</summary>
    [Alias("SetTags")]
    Task<StageDefinition> SetTags(Dictionary<string, string> tags);

    [Alias("DeleteRouteSettings")]
    Task DeleteRouteSettings(string routeKey);

    [Alias("DeleteAccessLogSettings")]
    Task DeleteAccessLogSettings();
}
