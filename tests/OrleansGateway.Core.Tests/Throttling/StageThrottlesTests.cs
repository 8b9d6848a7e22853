using OrleansGateway.HttpApis;
using OrleansGateway.RestApis;
using OrleansGateway.Throttling;

namespace OrleansGateway.Core.Tests.Throttling;

public sealed class StageThrottlesTests
{
    private static RestMethodSetting Throttle(double rate, int burst) => new() { ThrottlingRateLimit = rate, ThrottlingBurstLimit = burst };

    [Fact]
    public void RestMethod_ItsOwnSettingWins_ByThePatchPathsEscapedKey()
    {
        var settings = new Dictionary<string, RestMethodSetting>
        {
            ["*/*"] = Throttle(10, 20),
            ["~1pets~1{petId}/GET"] = Throttle(2, 4),
        };

        var own = StageThrottles.ForRestMethod("api1", "prod", settings, "/pets/{petId}", "GET");
        var other = StageThrottles.ForRestMethod("api1", "prod", settings, "/pets/{petId}", "DELETE");

        Assert.Equal(new ScopedThrottle("route/api1/prod//pets/{petId}/GET", new ThrottleLimit { RateLimit = 2, BurstLimit = 4 }), own);
        Assert.Equal(new ThrottleLimit { RateLimit = 10, BurstLimit = 20 }, other!.Limit);
    }

    [Fact]
    public void RestStageDefault_IsOneBucketPerMethod_NotOnePerStage()
    {
        var settings = new Dictionary<string, RestMethodSetting> { ["*/*"] = Throttle(10, 20) };

        var get = StageThrottles.ForRestMethod("api1", "prod", settings, "/pets", "GET")!;
        var post = StageThrottles.ForRestMethod("api1", "prod", settings, "/pets", "POST")!;
        var root = StageThrottles.ForRestMethod("api1", "prod", settings, "/", "GET")!;

        Assert.Equal(get.Limit, post.Limit);
        Assert.Equal(3, new[] { get.Scope, post.Scope, root.Scope }.Distinct().Count());
    }

    [Fact]
    public void RestMethod_ZeroThrottlesEverything_NegativeOrNoSettingSetsNoLimit()
    {
        Assert.Equal(new ThrottleLimit { RateLimit = 0, BurstLimit = 0 },
            StageThrottles.ForRestMethod("a", "s", new Dictionary<string, RestMethodSetting> { ["*/*"] = Throttle(0, 0) }, "/", "GET")!.Limit);
        Assert.Null(StageThrottles.ForRestMethod("a", "s", new Dictionary<string, RestMethodSetting> { ["*/*"] = Throttle(-1, -1) }, "/", "GET"));
        Assert.Null(StageThrottles.ForRestMethod("a", "s", new Dictionary<string, RestMethodSetting> { ["~1cats/GET"] = Throttle(1, 1) }, "/dogs", "GET"));
        Assert.Null(StageThrottles.ForRestMethod("a", "s", null, "/", "GET"));
    }

    [Fact]
    public void MethodSettingKey_EscapesAsAJsonPointer()
    {
        Assert.Equal("~1/GET", StageThrottles.MethodSettingKey("/", "GET"));
        Assert.Equal("~1a~0b~1{c+}/ANY", StageThrottles.MethodSettingKey("/a~b/{c+}", "ANY"));
    }

    [Fact]
    public void Route_TakesEachValueFromItsRouteSettings_ElseTheStageDefault_ElseTheAccountDefault()
    {
        var stageDefault = new RouteSettings { ThrottlingRateLimit = 50, ThrottlingBurstLimit = 100 };
        var routes = new Dictionary<string, RouteSettings>
        {
            ["GET /cats"] = new() { ThrottlingBurstLimit = 3 },
            ["$connect"] = new() { ThrottlingRateLimit = 1 },
        };

        var cats = StageThrottles.ForRoute("api1", "prod", "GET /cats", stageDefault, routes)!;
        var dogs = StageThrottles.ForRoute("api1", "prod", "GET /dogs", stageDefault, routes)!;
        var connect = StageThrottles.ForRoute("api1", "prod", "$connect", null, routes)!;

        Assert.Equal(new ThrottleLimit { RateLimit = 50, BurstLimit = 3 }, cats.Limit);
        Assert.Equal("route/api1/prod/GET /cats", cats.Scope);
        Assert.Equal(new ThrottleLimit { RateLimit = 50, BurstLimit = 100 }, dogs.Limit);
        Assert.NotEqual(cats.Scope, dogs.Scope);
        Assert.Equal(new ThrottleLimit { RateLimit = 1, BurstLimit = ThrottleLimit.AccountDefault.BurstLimit }, connect.Limit);
    }

    [Fact]
    public void Route_WithoutAnyThrottleSetting_HasNoLimitOfItsOwn()
    {
        Assert.Null(StageThrottles.ForRoute("a", "s", "$default", new RouteSettings { DetailedMetricsEnabled = false }, null));
        Assert.Null(StageThrottles.ForRoute("a", "s", "$default", null, new Dictionary<string, RouteSettings> { ["$default"] = new() { LoggingLevel = "INFO" } }));
    }
}
