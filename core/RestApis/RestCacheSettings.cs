using System.Globalization;

namespace OrleansGateway.RestApis;

/// <summary>
/// Resolves a stage's response cache settings as AWS does: the cache acts only when the stage has
/// <c>cacheClusterEnabled</c>; a method's settings are its <c>{resourcePath}/{METHOD}</c> entry, else
/// the stage's <c>*/*</c> entry, else the defaults; with no entry of its own only a GET method is
/// cached (AWS caches GET methods by default; other methods need their own setting); a TTL of 0
/// turns caching off.
/// </summary>
public static class RestCacheSettings
{
    /// <summary>AWS's cache cluster sizes, in GB.</summary>
    public static readonly IReadOnlyList<string> Sizes = ["0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237"];

    /// <summary>AWS's longest cache TTL.</summary>
    public const int MaxTtlSeconds = 3600;

    private const int DefaultTtlSeconds = 300;

    public static long CapacityBytes(RestStage stage, bool isCanary)
    {
        if (!stage.CacheClusterEnabled || (isCanary && stage.CanarySettings?.UseStageCache != true))
        {
            return 0;
        }

        var gigabytes = double.TryParse(stage.CacheClusterSize ?? "0.5", NumberStyles.Float, CultureInfo.InvariantCulture, out var size) ? size : 0.5;
        return (long)(gigabytes * 1024 * 1024 * 1024);
    }

    public static RestMethodCaching? ForMethod(RestStage stage, string resourcePath, string httpMethod, RestCompiledIntegration? integration, RestIntegration? definition)
    {
        if (integration is null)
        {
            return null;
        }

        var settings = stage.MethodSettings ?? [];
        var own = settings.GetValueOrDefault($"{resourcePath.Replace("/", "~1", StringComparison.Ordinal)}/{httpMethod}");
        var setting = own ?? settings.GetValueOrDefault("*/*");
        var enabled = own is not null ? own.CachingEnabled
            : httpMethod == "GET" && (setting?.CachingEnabled ?? true);
        var ttl = setting?.CacheTtlInSeconds ?? DefaultTtlSeconds;
        if (!enabled || ttl <= 0)
        {
            return null;
        }

        return new RestMethodCaching
        {
            Ttl = TimeSpan.FromSeconds(Math.Min(ttl, MaxTtlSeconds)),
            RequireAuthorizationForCacheControl = setting?.RequireAuthorizationForCacheControl ?? true,
            UnauthorizedCacheControlHeaderStrategy = setting?.UnauthorizedCacheControlHeaderStrategy ?? RestMethodCaching.SucceedWithResponseHeader,
            KeyParameters = definition?.CacheKeyParameters ?? [],
        };
    }
}
