namespace OrleansGateway.DomainNames;

/// <summary>
/// Every custom domain name and its API mappings (one grain, key 0: domain names are few and
/// change rarely). The control plane keeps them; the data plane does not route by them yet.
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
}
