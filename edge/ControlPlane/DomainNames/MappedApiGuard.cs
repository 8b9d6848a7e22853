using OrleansGateway.DomainNames;
using OrleansGateway.Errors;

namespace OrleansGateway.Edge.ControlPlane.DomainNames;

/// <summary>
/// AWS refuses to delete an API, or a REST API's stage, that a custom domain name still maps, so a
/// domain name never routes to something that is gone: the caller deletes the mappings first. The
/// messages are AWS's.
/// </summary>
public static class MappedApiGuard
{
    /// <summary>DeleteRestApi: BadRequest while a base path mapping names the REST API.</summary>
    public static async Task EnsureRestApiUnmappedAsync(IGrainFactory grains, string restApiId)
    {
        if (await DomainsMappingAsync(grains, restApiId, stage: null) is { Count: > 0 } domains)
        {
            throw ApiGatewayException.BadRequest(
                $"Deleting RestApi {restApiId} failed. Please remove all base path mappings related to the RestApi in your domains: {string.Join(", ", domains)}.");
        }
    }

    /// <summary>DeleteStage (apigateway): BadRequest while a base path mapping names the stage.</summary>
    public static async Task EnsureRestStageUnmappedAsync(IGrainFactory grains, string restApiId, string stage)
    {
        if (await DomainsMappingAsync(grains, restApiId, stage) is { Count: > 0 })
        {
            throw ApiGatewayException.BadRequest($"Deleting stage {stage} failed. Please remove all base path mappings related to the stage in your domains.");
        }
    }

    /// <summary>DeleteApi (apigatewayv2): BadRequest while an API mapping names the API.</summary>
    public static async Task EnsureApiUnmappedAsync(IGrainFactory grains, string apiId)
    {
        if (await DomainsMappingAsync(grains, apiId, stage: null) is { Count: > 0 })
        {
            throw ApiGatewayException.BadRequest($"Deleting API {apiId} failed. Please remove all API mappings for the API from your custom domain names.");
        }
    }

    /// <summary>The domain names with a mapping of the API (of its stage, when named), in name order.</summary>
    private static async Task<List<string>> DomainsMappingAsync(IGrainFactory grains, string apiId, string? stage)
    {
        var mappings = await grains.GetGrain<IDomainNameRegistryGrain>(0).GetApiMappingsByDomainName();
        return mappings
            .Where(domain => domain.Value.Any(m => m.ApiId == apiId && (stage is null || m.Stage == stage)))
            .Select(domain => domain.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
