using OrleansGateway.Errors;
using OrleansGateway.HttpApis;
using OrleansGateway.RestApis;
using OrleansGateway.Routing;
using OrleansGateway.Storage;

namespace OrleansGateway.DomainNames;

/// <summary>
/// Custom domain names and their API mappings, checked as AWS checks them: a mapping names an
/// existing API and stage, and its key is unique within the domain name. Every change is
/// published to the edges, which route by the mappings.
/// </summary>
public sealed partial class DomainNameRegistryGrain(
    [PersistentState("state", StorageNames.Gateway)] IPersistentState<DomainNameRegistryState> state,
    IGrainFactory grains) : Grain, IDomainNameRegistryGrain
{
    // Route 53's hosted zones behind API Gateway's names: CloudFront's (global) and us-east-1's regional one.
    private const string CloudFrontHostedZoneId = "Z2FDTNDATAQYW2";
    private const string RegionalHostedZoneId = "Z1UJRXOUMOOFQ8";

    public async Task<DomainNameDefinition> CreateDomainName(DomainNameInput input)
    {
        if (string.IsNullOrEmpty(input.DomainName))
        {
            throw ApiErrors.Required("domainName");
        }

        RefuseMutualTls(input);

        // Host names ignore case and a trailing dot, as the data plane matches them: two names that differ
        // only so would be one domain there.
        var requested = SameHost(input.DomainName);
        if (state.State.DomainNames.Keys.Any(existing => SameHost(existing) == requested))
        {
            throw ApiGatewayException.Conflict($"The domain name you provided already exists: {input.DomainName}");
        }

        var domainName = new DomainNameDefinition
        {
            DomainName = input.DomainName,
            ApiMappingSelectionExpression = "$request.basepath",
            DomainNameConfigurations = Configurations(input.DomainNameConfigurations),
            RoutingMode = input.RoutingMode,
            Tags = input.Tags ?? [],
            Policy = input.Policy,
            EndpointAccessMode = input.EndpointAccessMode,
        };
        state.State.DomainNames[domainName.DomainName] = domainName;
        await SaveAsync();
        return domainName;
    }

    public Task<DomainNameDefinition> GetDomainName(string domainName) => Task.FromResult(Find(domainName));

    public Task<List<DomainNameDefinition>> GetDomainNames() =>
        Task.FromResult(state.State.DomainNames.Values.OrderBy(d => d.DomainName, StringComparer.Ordinal).ToList());

    public async Task<DomainNameDefinition> UpdateDomainName(string domainName, DomainNameInput input)
    {
        var existing = Find(domainName);
        RefuseMutualTls(input);
        var updated = existing with
        {
            DomainNameConfigurations = input.DomainNameConfigurations is null ? existing.DomainNameConfigurations : Configurations(input.DomainNameConfigurations),
            RoutingMode = input.RoutingMode ?? existing.RoutingMode,
        };
        state.State.DomainNames[domainName] = updated;
        await SaveAsync();
        return updated;
    }

    public async Task DeleteDomainName(string domainName)
    {
        _ = Find(domainName);
        state.State.DomainNames.Remove(domainName);
        state.State.ApiMappings.Remove(domainName);
        await SaveAsync();
    }

    public async Task<ApiMappingDefinition> CreateApiMapping(string domainName, ApiMappingInput input)
    {
        var mappings = MappingsOf(domainName);
        if (string.IsNullOrEmpty(input.ApiId))
        {
            throw ApiErrors.Required("apiId");
        }

        if (string.IsNullOrEmpty(input.Stage))
        {
            throw ApiErrors.Required("stage");
        }

        var mapping = new ApiMappingDefinition
        {
            ApiMappingId = ResourceIds.Unique(ResourceIds.Api, mappings.ContainsKey),
            ApiId = input.ApiId,
            Stage = input.Stage,
            ApiMappingKey = input.ApiMappingKey,
        };
        await CheckMapping(domainName, mappings, mapping);
        mappings[mapping.ApiMappingId] = mapping;
        state.State.ApiMappings[domainName] = mappings;
        await SaveAsync();
        return mapping;
    }

    public Task<ApiMappingDefinition> GetApiMapping(string domainName, string apiMappingId) =>
        Task.FromResult(FindMapping(domainName, apiMappingId));

    public Task<List<ApiMappingDefinition>> GetApiMappings(string domainName) =>
        Task.FromResult(MappingsOf(domainName).Values.OrderBy(m => m.ApiMappingKey ?? string.Empty, StringComparer.Ordinal).ToList());

    public async Task<ApiMappingDefinition> UpdateApiMapping(string domainName, string apiMappingId, ApiMappingInput input)
    {
        var mapping = FindMapping(domainName, apiMappingId);
        var mappings = MappingsOf(domainName);
        mapping = mapping with
        {
            ApiId = input.ApiId ?? mapping.ApiId,
            Stage = input.Stage ?? mapping.Stage,
            ApiMappingKey = input.ApiMappingKey ?? mapping.ApiMappingKey,
        };
        await CheckMapping(domainName, mappings, mapping);
        mappings[apiMappingId] = mapping;
        await SaveAsync();
        return mapping;
    }

    public async Task DeleteApiMapping(string domainName, string apiMappingId)
    {
        _ = FindMapping(domainName, apiMappingId);
        state.State.ApiMappings[domainName].Remove(apiMappingId);
        await SaveAsync();
    }

    public Task<Dictionary<string, List<ApiMappingDefinition>>> GetApiMappingsByDomainName() =>
        Task.FromResult(state.State.DomainNames.Keys.ToDictionary(
            name => name,
            name => state.State.ApiMappings.TryGetValue(name, out var mappings) ? mappings.Values.ToList() : []));

    public async Task TagDomainName(string domainName, Dictionary<string, string> tags)
    {
        var existing = Find(domainName);
        var merged = new Dictionary<string, string>(existing.Tags ?? [], StringComparer.Ordinal);
        foreach (var (name, value) in tags)
        {
            merged[name] = value;
        }

        // Tags do not route: written, not published to the edges.
        state.State.DomainNames[domainName] = existing with { Tags = merged };
        await state.WriteStateOrReloadAsync(this);
    }

    public async Task UntagDomainName(string domainName, List<string> tagKeys)
    {
        var existing = Find(domainName);
        state.State.DomainNames[domainName] = existing with { Tags = (existing.Tags ?? []).Where(t => !tagKeys.Contains(t.Key)).ToDictionary(StringComparer.Ordinal) };
        await state.WriteStateOrReloadAsync(this);
    }

    private async Task SaveAsync()
    {
        await state.WriteStateOrReloadAsync(this);
        await grains.GetGrain<IEdgeDirectoryGrain>(0).PublishDomainNamesChanged();
    }

    private static List<DomainNameConfiguration> Configurations(List<DomainNameConfiguration>? given) =>
        [.. (given is { Count: > 0 } ? given : [new DomainNameConfiguration()]).Select(Configured)];

    // API Gateway fills in what it decides: the endpoint's own name and hosted zone, its type, TLS
    // policy and status. Edge-optimized names are CloudFront's in AWS; *.localhost ones resolve to
    // this machine, where the edge serves every domain name.
    private static DomainNameConfiguration Configured(DomainNameConfiguration given)
    {
        var endpointType = given.EndpointType ?? EndpointTypes.Regional;
        if (endpointType is not (EndpointTypes.Regional or EndpointTypes.Edge))
        {
            // PRIVATE names answer only inside a VPC, which a self-hosted gateway does not have.
            throw ApiGatewayException.BadRequest($"Invalid endpoint type: {endpointType}; this gateway serves EDGE and REGIONAL custom domain names");
        }

        var edge = endpointType == EndpointTypes.Edge;
        return given with
        {
            ApiGatewayDomainName = edge ? $"d{ResourceIds.Api()}.cloudfront.localhost" : $"d-{ResourceIds.Api()}.execute-api.localhost",
            HostedZoneId = edge ? CloudFrontHostedZoneId : RegionalHostedZoneId,
            EndpointType = endpointType,
            SecurityPolicy = given.SecurityPolicy ?? "TLS_1_2",
            DomainNameStatus = "AVAILABLE",
            CertificateUploadDate = given.CertificateUploadDate ?? ((given.CertificateArn ?? given.CertificateName) is null ? null : Timestamps.Now()),
        };
    }

    private DomainNameDefinition Find(string domainName) =>
        state.State.DomainNames.TryGetValue(domainName, out var found)
            ? found
            : throw ApiGatewayException.NotFound($"Invalid domain name identifier specified {ApiErrors.AccountId}:{domainName}");

    private Dictionary<string, ApiMappingDefinition> MappingsOf(string domainName)
    {
        _ = Find(domainName);
        return state.State.ApiMappings.TryGetValue(domainName, out var mappings) ? mappings : [];
    }

    private ApiMappingDefinition FindMapping(string domainName, string apiMappingId) =>
        MappingsOf(domainName).TryGetValue(apiMappingId, out var mapping)
            ? mapping
            : throw ApiGatewayException.NotFound($"Invalid ApiMapping identifier specified {ApiErrors.AccountId}:{domainName}/{apiMappingId}");

    private async Task CheckMapping(string domainName, Dictionary<string, ApiMappingDefinition> mappings, ApiMappingDefinition mapping)
    {
        // Both throw NotFound in AWS's words when the API or its stage does not exist. A REST API
        // may be mapped here as well as by a v1 base path mapping (multi-level keys only here).
        if (await ProtocolOf(mapping.ApiId) == ProtocolTypes.Rest)
        {
            await grains.GetGrain<IRestApiGrain>(mapping.ApiId).GetStage(mapping.Stage);
        }
        else
        {
            await grains.GetGrain<IApiGrain>(mapping.ApiId).GetStage(mapping.Stage);
        }

        if (IsKeyTaken(mappings, mapping))
        {
            throw ApiGatewayException.Conflict($"An API mapping with key '{SamePath(mapping.ApiMappingKey)}' already exists for domain name {domainName}");
        }
    }

    // Keys are compared without their outer slashes, as the data plane matches them ("v1", "/v1/").
    private static bool IsKeyTaken(Dictionary<string, ApiMappingDefinition> mappings, ApiMappingDefinition mapping)
    {
        var key = SamePath(mapping.ApiMappingKey);
        return mappings.Values.Any(m => SamePath(m.ApiMappingKey) == key && m.ApiMappingId != mapping.ApiMappingId);
    }

    private async Task<string?> ProtocolOf(string apiId) =>
        (await grains.GetGrain<IApiRegistryGrain>(0).GetDirectory()).Apis.GetValueOrDefault(apiId);

    // The edge does not ask clients for certificates yet: storing a truststore would promise a check that never happens.
    private static void RefuseMutualTls(DomainNameInput input)
    {
        if (input.MutualTlsAuthentication is not null)
        {
            throw MutualTlsNotSupported();
        }
    }

    private static ApiGatewayException MutualTlsNotSupported() =>
        ApiGatewayException.BadRequest("Mutual TLS authentication is not supported by this gateway yet; leave out mutualTlsAuthentication");

    private static string SameHost(string domainName) => domainName.TrimEnd('.').ToLowerInvariant();

    private static string SamePath(string? apiMappingKey) => (apiMappingKey ?? string.Empty).Trim('/');
}
