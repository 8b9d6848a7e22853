using OrleansGateway.Throttling;
using OrleansGateway.UsagePlans;

namespace OrleansGateway.ApiKeys;

/// <summary>
/// A usage plan as it applies to one key on one API stage: the plan's throttle and the stage's
/// per-method throttles as throttle scopes named once here (so a request builds no string), and
/// the plan's quota.
/// </summary>
public sealed class ApiKeyPlanGrant
{
    private ApiKeyPlanGrant(string usagePlanId, ScopedThrottle? throttle, Dictionary<(string ResourcePath, string HttpMethod), ScopedThrottle> methodThrottles, UsagePlanQuota? quota)
    {
        UsagePlanId = usagePlanId;
        Throttle = throttle;
        MethodThrottles = methodThrottles;
        Quota = quota;
        QuotaKey = "";
    }

    /// <summary>The <see cref="IQuotaGrain"/> key, <c>"{usagePlanId}/{keyId}"</c>, built once.</summary>
    public string QuotaKey { get; private init; }

    public string UsagePlanId { get; }

    /// <summary>The plan's throttle for this key, or null when the plan sets none.</summary>
    public ScopedThrottle? Throttle { get; }

    /// <summary>The stage's per-method throttles for this key, by resource path and HTTP method.</summary>
    public IReadOnlyDictionary<(string ResourcePath, string HttpMethod), ScopedThrottle> MethodThrottles { get; }

    public UsagePlanQuota? Quota { get; }

    /// <summary>The per-method throttle for <paramref name="resourcePath"/> and <paramref name="httpMethod"/>, or null.</summary>
    public ScopedThrottle? MethodThrottle(string? resourcePath, string httpMethod) =>
        resourcePath is not null && MethodThrottles.Count > 0 && MethodThrottles.TryGetValue((resourcePath, httpMethod), out var throttle) ? throttle : null;

    public static ApiKeyPlanGrant Create(UsagePlan plan, UsagePlanApiStage apiStage, string keyId)
    {
        var planId = plan.Id ?? "";
        var throttle = Limit(plan.Throttle) is { } limit ? new ScopedThrottle(ThrottleScopes.Client(planId, keyId), limit) : null;
        var methods = new Dictionary<(string, string), ScopedThrottle>();
        foreach (var (methodKey, methodThrottle) in apiStage.Throttle ?? [])
        {
            // AWS keys them "/path/METHOD": the method is after the last slash.
            var slash = methodKey.LastIndexOf('/');
            if (slash > 0 && Limit(methodThrottle) is { } methodLimit)
            {
                var path = methodKey[..slash];
                var httpMethod = methodKey[(slash + 1)..].ToUpperInvariant();
                methods[(path, httpMethod)] = new ScopedThrottle(
                    ThrottleScopes.ClientMethod(planId, keyId, apiStage.ApiId ?? "", apiStage.Stage ?? "", methodKey), methodLimit);
            }
        }

        return new ApiKeyPlanGrant(planId, throttle, methods, plan.Quota) { QuotaKey = $"{planId}/{keyId}" };
    }

    // A plan's throttle with neither limit set throttles nothing; with one set, the other is unbounded.
    private static ThrottleLimit? Limit(UsagePlanThrottle? throttle) =>
        throttle is null || (throttle.RateLimit is null && throttle.BurstLimit is null)
            ? null
            : new ThrottleLimit { RateLimit = throttle.RateLimit ?? double.MaxValue, BurstLimit = throttle.BurstLimit ?? int.MaxValue };
}
