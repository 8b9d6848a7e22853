namespace OrleansGateway.DomainNames;

/// <summary>
/// Every custom domain name and its API mappings (one grain, key 0: domain names are few and
/// change rarely). The control plane keeps them; edges read them all with
/// <see cref="GetApiMappingsByDomainName"/> and are told of changes through <see cref="Routing.IEdgeDirectoryGrain"/>.
/// </summary>
[Alias("gw.IDomainNameRegistryGrain")]
public interface IDomainNameRegistryGrain : IGrainWithIntegerKey
{
    [Alias("CreateDomainName")]
    Task<DomainNameDefinition> CreateDomainName(DomainNameInput input);

    [Alias("GetDomainName")]
    Task<DomainNameDefinition> GetDomainName(string domainName);

    [Alias("GetDomainNames")]
    Task<List<DomainNameDefinition>> GetDomainNames();

    [Alias("UpdateDomainName")]
    Task<DomainNameDefinition> UpdateDomainName(string domainName, DomainNameInput input);

    [Alias("DeleteDomainName")]
    Task DeleteDomainName(string domainName);

    [Alias("CreateApiMapping")]
    Task<ApiMappingDefinition> CreateApiMapping(string domainName, ApiMappingInput input);

    [Alias("GetApiMapping")]
    Task<ApiMappingDefinition> GetApiMapping(string domainName, string apiMappingId);

    [Alias("GetApiMappings")]
    Task<List<ApiMappingDefinition>> GetApiMappings(string domainName);

    [Alias("UpdateApiMapping")]
    Task<ApiMappingDefinition> UpdateApiMapping(string domainName, string apiMappingId, ApiMappingInput input);

    [Alias("DeleteApiMapping")]
    Task DeleteApiMapping(string domainName, string apiMappingId);

    /// <summary>Every domain name with its API mappings (none: an empty list): what the data plane routes by.</summary>
    [Alias("GetApiMappingsByDomainName")]
    Task<Dictionary<string, List<ApiMappingDefinition>>> GetApiMappingsByDomainName();
}
