using OrleansGateway.HttpApis;
using OrleansGateway.RestApis;

namespace OrleansGateway.Throttling;

/// <summary>
/// A stage's method and route throttles as AWS applies them, compiled once per stage version.
/// AWS checks a request against, in order: the client's usage plan (per method, then per API stage),
/// the method's or route's limit, the stage's default, and the account's limit; the first to run out
/// answers 429. A stage's default (REST <c>*/*</c> method settings, HTTP and WebSocket
/// <c>defaultRouteSettings</c>) is "applied at the API method level": every method or route gets a
/// bucket of its own with the default's limits, and a method's own setting replaces the default for
/// it. So one stage-level scope per method or route is all the stage needs, and the account scope
/// follows it. A rate or burst of 0 throttles every request of that method or route (AWS's way to
/// switch one off); a negative value, or a setting that names neither, sets no limit at that level.
/// </summary>
public static class StageThrottles
{
    /// <summary>The <c>methodSettings</c> key of a REST stage's default for every method.</summary>
    public const string AllMethods = "*/*";

    /// <summary>
    /// A REST method's throttle: its own <c>methodSettings</c> entry (<c>~1pets~1{id}/GET</c>, the
    /// patch path's escaped resource path and method), else the stage's <c>*/*</c>; null when neither
    /// sets a limit.
    /// </summary>
    public static ScopedThrottle? ForRestMethod(
        string apiId, string stage, IReadOnlyDictionary<string, RestMethodSetting>? settings, string resourcePath, string httpMethod)
    {
        if (settings is null || settings.Count == 0)
        {
            return null;
        }

        var setting = settings.GetValueOrDefault(MethodSettingKey(resourcePath, httpMethod)) ?? settings.GetValueOrDefault(AllMethods);
        return setting is not null && LimitOf(setting.ThrottlingRateLimit, setting.ThrottlingBurstLimit) is { } limit
            ? new ScopedThrottle(ThrottleScopes.Route(apiId, stage, $"{resourcePath}/{httpMethod}"), limit)
            : null;
    }

    /// <summary>
    /// An HTTP or WebSocket route's throttle: each of rate and burst from the route's
    /// <c>routeSettings</c>, else the stage's <c>defaultRouteSettings</c>; one left unset by both takes
    /// AWS's account default for it (the account check that follows caps it anyway). Null when neither
    /// sets either.
    /// </summary>
    public static ScopedThrottle? ForRoute(
        string apiId, string stage, string routeKey, RouteSettings? stageDefault, IReadOnlyDictionary<string, RouteSettings>? routes)
    {
        var own = routes?.GetValueOrDefault(routeKey);
        var rate = Set(own?.ThrottlingRateLimit) ?? Set(stageDefault?.ThrottlingRateLimit);
        var burst = Set(own?.ThrottlingBurstLimit) ?? Set(stageDefault?.ThrottlingBurstLimit);
        if (rate is null && burst is null)
        {
            return null;
        }

        var limit = new ThrottleLimit
        {
            RateLimit = rate ?? ThrottleLimit.AccountDefault.RateLimit,
            BurstLimit = burst ?? ThrottleLimit.AccountDefault.BurstLimit,
        };
        return new ScopedThrottle(ThrottleScopes.Route(apiId, stage, routeKey), limit);
    }

    /// <summary>The <c>methodSettings</c> key of one method: <c>/pets/{id}</c> and GET give <c>~1pets~1{id}/GET</c>.</summary>
    public static string MethodSettingKey(string resourcePath, string httpMethod) =>
        resourcePath.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal) + "/" + httpMethod;

    private static ThrottleLimit? LimitOf(double rate, int burst) =>
        rate < 0 || burst < 0 ? null : new ThrottleLimit { RateLimit = rate, BurstLimit = burst };

    private static double? Set(double? value) => value is >= 0 ? value : null;

    private static int? Set(int? value) => value is >= 0 ? value : null;
}
