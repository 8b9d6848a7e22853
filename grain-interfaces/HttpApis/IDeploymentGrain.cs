namespace OrleansGateway.HttpApis;

/// <summary>
/// One deployment, keyed <c>{apiId}/{deploymentId}</c>: its immutable snapshot, written once.
/// Its metadata (description) lives in the <see cref="IApiGrain"/>, which may change it.
/// </summary>
[Alias("gw.IDeploymentGrain")]
public interface IDeploymentGrain : IGrainWithStringKey
{
    /// <summary>Stores the snapshot; a second call with another snapshot is a conflict.</summary>
    [Alias("Create")]
    Task Create(DeploymentSnapshot snapshot);

    /// <summary>The snapshot; null when the deployment does not exist.</summary>
    [Alias("GetSnapshot")]
    Task<DeploymentSnapshot?> GetSnapshot();

    [Alias("Delete")]
    Task Delete();
}
