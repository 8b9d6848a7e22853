namespace OrleansGateway.HttpApis;

/// <summary>
/// One API (keyed by its apiId): its definition, routes, integrations, and the names of its
/// stages and deployments. The single writer of everything an API is made of.
/// </summary>
[Alias("gw.IApiGrain")]
public interface IApiGrain : IGrainWithStringKey
{
    /// <summary>What an edge needs to resolve an invoke URL; null when the API does not exist.</summary>
    [Alias("GetRuntimeSummary")]
    Task<ApiRuntimeSummary?> GetRuntimeSummary();
}
