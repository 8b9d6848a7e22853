using OrleansGateway.RestApis;

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

    /// <summary>
    /// apigateway UpdateDomainName: patch operations on the v1 view of the domain name
    /// (/certificateName, /certificateArn, /regionalCertificateName, /regionalCertificateArn,
    /// /endpointConfiguration/types/0, /securityPolicy, /policy, /endpointAccessMode, /routingMode,
    /// /ownershipVerificationCertificateArn).
    /// </summary>
    [Alias("PatchDomainName")]
    Task<DomainNameDefinition> PatchDomainName(string domainName, List<PatchOperation> operations);

    /// <summary>
    /// apigateway CreateBasePathMapping: an API mapping of a REST API (<c>ApiId</c>) whose key is the
    /// base path (empty or <c>(none)</c>: the root; one path segment, as v1 allows). The stage may be
    /// left out: requests then name it after the base path. AWS's v1 errors (BadRequest for an
    /// unknown API or stage, Conflict for a taken base path).
    /// </summary>
    [Alias("CreateBasePathMapping")]
    Task<ApiMappingDefinition> CreateBasePathMapping(string domainName, ApiMappingInput input);

    /// <summary>The API mapping whose key is <paramref name="basePath"/> (<c>(none)</c>: the empty key).</summary>
    [Alias("GetBasePathMapping")]
    Task<ApiMappingDefinition> GetBasePathMapping(string domainName, string basePath);

    /// <summary>apigateway UpdateBasePathMapping: replace /basePath, /restapiId or /stage.</summary>
    [Alias("PatchBasePathMapping")]
    Task<ApiMappingDefinition> PatchBasePathMapping(string domainName, string basePath, List<PatchOperation> operations);

    [Alias("DeleteBasePathMapping")]
    Task DeleteBasePathMapping(string domainName, string basePath);

    /// <summary>Every domain name with its API mappings (none: an empty list): what the data plane routes by.</summary>
    [Alias("GetApiMappingsByDomainName")]
    Task<Dictionary<string, List<ApiMappingDefinition>>> GetApiMappingsByDomainName();

    /// <summary>Adds or replaces tags of a domain name (apigateway's TagResource on its ARN).</summary>
    [Alias("TagDomainName")]
    Task TagDomainName(string domainName, Dictionary<string, string> tags);

    /// <summary>Removes tags of a domain name (apigateway's UntagResource on its ARN).</summary>
    [Alias("UntagDomainName")]
    Task UntagDomainName(string domainName, List<string> tagKeys);
}
