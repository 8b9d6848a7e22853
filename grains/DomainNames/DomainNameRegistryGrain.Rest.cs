using OrleansGateway.Errors;
using OrleansGateway.HttpApis;
using OrleansGateway.Patching;
using OrleansGateway.RestApis;

namespace OrleansGateway.DomainNames;

/// <summary>
/// apigateway's (v1) view of the same domain names and mappings: UpdateDomainName by patch
/// operations, and base path mappings, which are API mappings of REST APIs keyed by base path.
/// </summary>
public sealed partial class DomainNameRegistryGrain
{
    private static readonly PatchRule[] DomainNameRules =
    [
        new("/certificateName", "replace"), new("/certificateArn", "replace"),
        new("/regionalCertificateName", "replace"), new("/regionalCertificateArn", "replace"),
        new("/endpointConfiguration/types/0", "replace"), new("/securityPolicy", "replace"),
        new("/policy", "replace", "remove"), new("/endpointAccessMode", "replace"), new("/routingMode", "replace"),
        new("/ownershipVerificationCertificateArn", "replace"),
        new("/mutualTlsAuthentication/truststoreUri", "replace"), new("/mutualTlsAuthentication/truststoreVersion", "replace"),
    ];

    private static readonly PatchRule[] BasePathMappingRules =
    [
        new("/basePath", "replace"), new("/restapiId", "replace"), new("/stage", "replace"),
    ];

    public async Task<DomainNameDefinition> PatchDomainName(string domainName, List<PatchOperation> operations)
    {
        var domain = Find(domainName);
        // A v1 domain name has one endpoint, so its certificate members are those of its one configuration.
        var configuration = domain.DomainNameConfigurations is [var first, ..] ? first : new DomainNameConfiguration();
        foreach (var operation in operations)
        {
            JsonPatcher.Check(operation, DomainNameRules);
            var value = operation.Value;
            switch (operation.Path)
            {
                case "/certificateName" or "/regionalCertificateName":
                    configuration = configuration with { CertificateName = value };
                    break;
                case "/certificateArn" or "/regionalCertificateArn":
                    configuration = configuration with { CertificateArn = value, CertificateUploadDate = Timestamps.Now() };
                    break;
                case "/endpointConfiguration/types/0":
                    // AWS moves an edge-optimized name to a regional endpoint (never back): a new endpoint name comes with it.
                    if (value != EndpointTypes.Regional || configuration.EndpointType != EndpointTypes.Edge)
                    {
                        throw ApiGatewayException.BadRequest($"Invalid endpoint configuration type: {value}; an EDGE domain name can only be changed to REGIONAL");
                    }

                    configuration = Configured(configuration with { EndpointType = value });
                    break;
                case "/securityPolicy":
                    configuration = configuration with { SecurityPolicy = value };
                    break;
                case "/ownershipVerificationCertificateArn":
                    configuration = configuration with { OwnershipVerificationCertificateArn = value };
                    break;
                case "/policy":
                    domain = domain with { Policy = operation.Op == "remove" ? null : value };
                    break;
                case "/endpointAccessMode":
                    domain = domain with { EndpointAccessMode = value };
                    break;
                case "/routingMode":
                    domain = domain with { RoutingMode = value };
                    break;
                default:
                    throw MutualTlsNotSupported();
            }
        }

        domain = domain with { DomainNameConfigurations = [configuration] };
        state.State.DomainNames[domainName] = domain;
        await SaveAsync();
        return domain;
    }

    public async Task<ApiMappingDefinition> CreateBasePathMapping(string domainName, ApiMappingInput input)
    {
        var mappings = MappingsOf(domainName);
        var mapping = new ApiMappingDefinition
        {
            ApiMappingId = ResourceIds.Unique(ResourceIds.Api, mappings.ContainsKey),
            ApiId = input.ApiId ?? string.Empty,
            Stage = BasePaths.ToKey(input.Stage),
            ApiMappingKey = BasePathKey(input.ApiMappingKey),
        };
        await CheckBasePathMapping(mappings, mapping);
        mappings[mapping.ApiMappingId] = mapping;
        state.State.ApiMappings[domainName] = mappings;
        await SaveAsync();
        return mapping;
    }

    public Task<ApiMappingDefinition> GetBasePathMapping(string domainName, string basePath) =>
        Task.FromResult(FindBasePathMapping(domainName, basePath));

    public async Task<ApiMappingDefinition> PatchBasePathMapping(string domainName, string basePath, List<PatchOperation> operations)
    {
        var mapping = FindBasePathMapping(domainName, basePath);
        foreach (var operation in operations)
        {
            JsonPatcher.Check(operation, BasePathMappingRules);
            mapping = operation.Path switch
            {
                "/basePath" => mapping with { ApiMappingKey = BasePathKey(operation.Value) },
                "/restapiId" => mapping with { ApiId = operation.Value ?? string.Empty },
                _ => mapping with { Stage = BasePaths.ToKey(operation.Value) },
            };
        }

        var mappings = MappingsOf(domainName);
        await CheckBasePathMapping(mappings, mapping);
        mappings[mapping.ApiMappingId] = mapping;
        await SaveAsync();
        return mapping;
    }

    public async Task DeleteBasePathMapping(string domainName, string basePath)
    {
        var mapping = FindBasePathMapping(domainName, basePath);
        state.State.ApiMappings[domainName].Remove(mapping.ApiMappingId);
        await SaveAsync();
    }

    private ApiMappingDefinition FindBasePathMapping(string domainName, string basePath)
    {
        var key = SamePath(BasePaths.ToKey(basePath));
        return MappingsOf(domainName).Values.FirstOrDefault(m => SamePath(m.ApiMappingKey) == key)
            ?? throw ApiGatewayException.NotFound("Invalid base path mapping identifier specified");
    }

    // v1 maps REST APIs only, one path segment deep, and answers a bad API or stage as a bad request.
    private async Task CheckBasePathMapping(Dictionary<string, ApiMappingDefinition> mappings, ApiMappingDefinition mapping)
    {
        if (mapping.ApiId.Length == 0 || await ProtocolOf(mapping.ApiId) != ProtocolTypes.Rest)
        {
            throw ApiGatewayException.BadRequest("Invalid REST API identifier specified");
        }

        if (mapping.Stage.Length > 0)
        {
            try
            {
                await grains.GetGrain<IRestApiGrain>(mapping.ApiId).GetStage(mapping.Stage);
            }
            catch (ApiGatewayException e) when (e.ErrorType == "NotFoundException")
            {
                throw ApiGatewayException.BadRequest("Invalid stage identifier specified");
            }
        }

        if (IsKeyTaken(mappings, mapping))
        {
            throw ApiGatewayException.Conflict("Base path already exists for this domain name");
        }
    }

    private static string BasePathKey(string? basePath)
    {
        var key = BasePaths.ToKey(basePath);
        if (key.Contains('/', StringComparison.Ordinal))
        {
            throw ApiGatewayException.BadRequest("API Gateway V1 doesn't support the slash character (/) in base path mappings. To create a multi-level base path mapping, use API Gateway V2.");
        }

        return key;
    }
}
