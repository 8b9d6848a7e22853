namespace OrleansGateway.HttpApis;

/// <summary>
/// The ids of every API (key 0): hands out new apiIds, so they are unique, and lists them for
/// GetApis.
/// </summary>
[Alias("gw.IApiRegistryGrain")]
public interface IApiRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Creates an API under a fresh apiId and records it.</summary>
    [Alias("CreateApi")]
    Task<ApiDefinition> CreateApi(ApiInput input);

    /// <summary>The ids of all APIs, ordered.</summary>
    [Alias("GetApiIds")]
    Task<List<string>> GetApiIds();

    /// <summary>Forgets a deleted API (called by its <see cref="IApiGrain"/>).</summary>
    [Alias("Remove")]
    Task Remove(string apiId);
}
