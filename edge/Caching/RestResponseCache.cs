using Microsoft.Extensions.Caching.Memory;
using OrleansGateway.Caching;
using OrleansGateway.Edge.DataPlane;
using OrleansGateway.Edge.DataPlane.Rest;
using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.RestApis;

namespace OrleansGateway.Edge.Caching;

/// <summary>
/// A REST stage's response cache as one edge sees it: a near-cache bounded in bytes
/// (<see cref="DataPlaneOptions.NearCacheBytes"/>; an entry is also refused when it is larger than
/// the stage's <c>cacheClusterSize</c>) answers a fresh hit with no grain call; a near miss asks the
/// key's <see cref="ICacheEntryGrain"/> (another edge may have filled it); only a miss there calls
/// the integration, whose answer is stored in both. Keys are <c>{apiId}/{stage}/{generation}/{hash}</c>:
/// a flush bumps the generation in the stage's table, which reaches every edge through the stage's
/// push, so no older entry is asked for again.
/// Cache keys are built from client input, so a client chooses which entry grain a request
/// activates. The rule "a client-chosen ID costs no grain activation" is kept in its spirit: a grain
/// is consulted only for a matched method with caching on, after the whole method request passed
/// (authorization, API key, throttles, validation), where the request would otherwise call the
/// integration anyway; each such grain is in memory only and deactivates when its TTL ends, and the
/// key is a fixed-size hash whatever the client sends.
/// </summary>
public sealed class RestResponseCache(IGrainFactory grains, DataPlaneOptions options) : IDisposable
{
    private const string NominalRegion = "us-east-1";

    private const string CacheControlWarning = "199 - \"Unauthorized Cache-Control header ignored\"";

    private readonly MemoryCache _near = new(new MemoryCacheOptions { SizeLimit = options.NearCacheBytes });

    /// <summary>The cache step, after the method request: a fresh entry, a refused invalidation, or where to store the answer.</summary>
    public async ValueTask<RestCacheLookup> LookupAsync(RestRequest request)
    {
        // TestInvokeMethod calls the integration every time, as on AWS.
        if (request.Invocation.IsTestInvocation || request.Match?.Method is not { Caching: { } caching } method)
        {
            return default;
        }

        var table = request.Table;
        var key = $"{table.ApiId}/{table.StageName}/{table.CacheGeneration}/{RestCacheKey.Hash(request.Http.Request.Method, method.ResourcePath, caching.KeyParameters, request.Data)}";
        string? warning = null;
        if (AsksForInvalidation(request.Http.Request.Headers.CacheControl))
        {
            // Invalidation needs execute-api:InvalidateCache when required; IAM policies are not evaluated
            // here, so such a request is never authorized to invalidate.
            if (!caching.RequireAuthorizationForCacheControl)
            {
                CacheMetrics.Miss(table.ApiName, table.StageName);
                return new RestCacheLookup(null, key, caching);
            }

            switch (caching.UnauthorizedCacheControlHeaderStrategy)
            {
                case RestMethodCaching.FailWith403:
                    return new RestCacheLookup(null, null, caching) { Refusal = new GatewayError(GatewayResponseType.AccessDenied, InvalidateCacheDenied(request)) };
                case RestMethodCaching.SucceedWithResponseHeader:
                    warning = CacheControlWarning;
                    break;
            }
        }

        if (_near.Get<CachedResponse>(key) is not { } found || found.ExpiresAt <= DateTimeOffset.UtcNow)
        {
            found = await grains.GetGrain<ICacheEntryGrain>(key).Get();
            if (found is not null)
            {
                Remember(key, found, table.CacheCapacityBytes);
            }
        }

        if (found is null)
        {
            CacheMetrics.Miss(table.ApiName, table.StageName);
            return new RestCacheLookup(null, key, caching) { Warning = warning };
        }

        CacheMetrics.Hit(table.ApiName, table.StageName);
        // The entry's headers are only read on the way out, so a hit shares them unless it adds the warning.
        IReadOnlyDictionary<string, string> headers = warning is null
            ? found.Headers
            : new Dictionary<string, string>(found.Headers, StringComparer.OrdinalIgnoreCase) { ["Warning"] = warning };
        return new RestCacheLookup(new RestResponse(found.StatusCode, headers, found.Body), null, caching);
    }

    /// <summary>The cache store step: keeps the integration's answer when it may be cached (AWS's 1 MB item limit).</summary>
    public async ValueTask<RestResponse> StoreAsync(RestRequest request, RestCacheLookup lookup, RestResponse response)
    {
        if (lookup is { Key: { } key, Caching: { } caching }
            && response.StatusCode < 500
            && response.Body.Length <= RestMethodCaching.MaxItemBytes)
        {
            var entry = new CachedResponse
            {
                StatusCode = response.StatusCode,
                Headers = new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase),
                Body = response.Body.ToArray(),
                ExpiresAt = DateTimeOffset.UtcNow + caching.Ttl,
            };
            await grains.GetGrain<ICacheEntryGrain>(key).Set(entry);
            Remember(key, entry, request.Table.CacheCapacityBytes);
        }

        if (lookup.Warning is { } warning)
        {
            var headers = new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase) { ["Warning"] = warning };
            return response with { Headers = headers };
        }

        return response;
    }

    public void Dispose() => _near.Dispose();

    private void Remember(string key, CachedResponse entry, long stageCapacity)
    {
        long size = entry.Body.Length + 256 + entry.Headers.Sum(h => (h.Key.Length + h.Value.Length) * 2L);
        if (size > stageCapacity)
        {
            return;
        }

        _near.Set(key, entry, new MemoryCacheEntryOptions { Size = size, AbsoluteExpiration = entry.ExpiresAt });
    }

    private static bool AsksForInvalidation(Microsoft.Extensions.Primitives.StringValues cacheControl)
    {
        foreach (var value in cacheControl)
        {
            foreach (var directive in (value ?? string.Empty).Split(','))
            {
                if (directive.Trim().Equals("max-age=0", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // IAM's wording for an unsigned caller; the data plane has no region of its own, so the ARN names the nominal one.
    private static string InvalidateCacheDenied(RestRequest request) =>
        $"User: anonymous is not authorized to perform: execute-api:InvalidateCache on resource: arn:aws:execute-api:{NominalRegion}:{HttpApis.ApiErrors.AccountId}:{request.Table.ApiId}/{request.Table.StageName}/{request.Http.Request.Method}{request.Invocation.ResourcePath.ToString()}";
}
