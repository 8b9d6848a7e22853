using OrleansGateway.Mapping.Parameters;
using OrleansGateway.RestApis;

namespace OrleansGateway.Core.Tests.RestApis;

public sealed class RestCacheSettingsTests
{
    private static readonly RestCompiledIntegration Integration = new()
    {
        Type = "MOCK",
        Timeout = TimeSpan.FromSeconds(29),
        Parameters = new RequestParameterMapper(null),
    };

    private static RestStage Stage(bool enabled, Dictionary<string, RestMethodSetting>? settings = null) =>
        new() { StageName = "prod", CacheClusterEnabled = enabled, CacheClusterSize = "1.6", MethodSettings = settings };

    [Fact]
    public void WithTheCacheClusterOn_OnlyGetIsCachedByDefault_WithTtl300()
    {
        var stage = Stage(enabled: true);
        Assert.Equal(TimeSpan.FromSeconds(300), RestCacheSettings.ForMethod(stage, "/pets", "GET", Integration, null)!.Ttl);
        Assert.Null(RestCacheSettings.ForMethod(stage, "/pets", "POST", Integration, null));
        Assert.Equal((long)(1.6 * 1024 * 1024 * 1024), RestCacheSettings.CapacityBytes(stage, isCanary: false));
        Assert.Equal(0, RestCacheSettings.CapacityBytes(Stage(enabled: false), isCanary: false));
    }

    [Fact]
    public void MethodSetting_OverridesTheStageWide_AndTtl0TurnsCachingOff()
    {
        var stage = Stage(true, new Dictionary<string, RestMethodSetting>
        {
            ["*/*"] = new() { CachingEnabled = true, CacheTtlInSeconds = 0 },
            ["~1pets/POST"] = new() { CachingEnabled = true, CacheTtlInSeconds = 60 },
        });
        Assert.Null(RestCacheSettings.ForMethod(stage, "/pets", "GET", Integration, null));
        Assert.Equal(TimeSpan.FromSeconds(60), RestCacheSettings.ForMethod(stage, "/pets", "POST", Integration, null)!.Ttl);
    }

    [Fact]
    public void CanaryUsesTheStageCache_OnlyWithUseStageCache()
    {
        var stage = Stage(enabled: true) with { CanarySettings = new RestCanarySettings { UseStageCache = false } };
        Assert.Equal(0, RestCacheSettings.CapacityBytes(stage, isCanary: true));
        Assert.True(RestCacheSettings.CapacityBytes(stage with { CanarySettings = new RestCanarySettings { UseStageCache = true } }, isCanary: true) > 0);
    }

    [Fact]
    public void CacheKey_HoldsMethodPathAndKeyParameters_Only()
    {
        MethodRequestData Request(string page, string other) => new()
        {
            QueryString = new Dictionary<string, IReadOnlyList<string>> { ["page"] = [page], ["other"] = [other] },
        };
        string[] keys = ["method.request.querystring.page"];
        Assert.Equal(RestCacheKey.Hash("GET", "/pets", keys, Request("1", "a")), RestCacheKey.Hash("GET", "/pets", keys, Request("1", "b")));
        Assert.NotEqual(RestCacheKey.Hash("GET", "/pets", keys, Request("1", "a")), RestCacheKey.Hash("GET", "/pets", keys, Request("2", "a")));
        Assert.NotEqual(RestCacheKey.Hash("GET", "/pets", keys, Request("1", "a")), RestCacheKey.Hash("HEAD", "/pets", keys, Request("1", "a")));
    }
}
