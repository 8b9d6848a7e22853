namespace OrleansGateway.RestApis;

/// <summary>
/// One REST deployment, keyed <c>{restApiId}/{deploymentId}</c>: its immutable snapshot, written
/// once by the API's <see cref="IRestApiGrain"/>, which also keeps the deployment's metadata.
/// </summary>
[Alias("gw.IRestDeploymentGrain")]
public interface IRestDeploymentGrain : IGrainWithStringKey
{
    /// <summary>Stores the snapshot; a second call is a conflict.</summary>
    [Alias("Create")]
    Task Create(RestDeploymentSnapshot snapshot);

    /// <summary>The snapshot; null when the deployment does not exist.</summary>
    [Alias("GetSnapshot")]
    Task<RestDeploymentSnapshot?> GetSnapshot();

    [Alias("Delete")]
    Task Delete();
}
