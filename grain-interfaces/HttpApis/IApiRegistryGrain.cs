namespace OrleansGateway.HttpApis;

/// <summary>
/// The ids of every API and their protocol types (key 0): hands out new apiIds, so they are unique,
/// lists them for GetApis, and gives edges the <see cref="ApiDirectory"/> they route by.
/// </summary>
[Alias("gw.IApiRegistryGrain")]
public interface IApiRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Creates an API under a fresh apiId and records it.</summary>
    [Alias("CreateApi")]
    Task<ApiDefinition> CreateApi(ApiInput input);

    /// <summary>Creates a REST API (apigateway v1) under a fresh ID from the same ID space, and records it as <see cref="ProtocolTypes.Rest"/>.</summary>
    [Alias("CreateRestApi")]
    Task<RestApis.RestApiDefinition> CreateRestApi(RestApis.RestApiInput input);

    /// <summary>Creates a REST API from a whole definition (ImportRestApi) under a fresh ID, and records it.</summary>
    [Alias("ImportRestApi")]
    Task<RestApis.RestApiDefinition> ImportRestApi(RestApis.RestApiContent content);

    /// <summary>The ids of all APIs, ordered.</summary>
    [Alias("GetApiIds")]
    Task<List<string>> GetApiIds();

    /// <summary>Every API and its protocol type, with the directory's version.</summary>
    [Alias("GetDirectory")]
    Task<ApiDirectory> GetDirectory();

    /// <summary>The directory's version alone: what an edge compares on its revalidation timer.</summary>
    [Alias("GetDirectoryVersion")]
    Task<long> GetDirectoryVersion();

    /// <summary>Forgets a deleted API (called by its <see cref="IApiGrain"/>).</summary>
    [Alias("Remove")]
    Task Remove(string apiId);
}
