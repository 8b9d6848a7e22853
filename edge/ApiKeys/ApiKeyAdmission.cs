using OrleansGateway.ApiKeys;
using OrleansGateway.Throttling;

namespace OrleansGateway.Edge.ApiKeys;

/// <summary>
/// The API key step of every pipeline that requires keys (REST methods, WebSocket <c>$connect</c>), in
/// AWS's order: find the key the client sent in the edge's key table, check it is enabled and in a usage
/// plan covering the API stage (else <c>INVALID_API_KEY</c>, 403), then take a token from the plan's
/// throttle for the key and one request from its quota. Once the key table is loaded, no step calls a grain.
/// </summary>
public sealed class ApiKeyAdmission(ApiKeyTableCache keys, ThrottleBudgets budgets, QuotaLeases quotas)
{
    /// <summary>The header a key is read from (<c>apiKeySource</c> <c>HEADER</c>, <c>$request.header.x-api-key</c>).</summary>
    public const string HeaderName = "x-api-key";

    /// <summary>The key whose value <paramref name="request"/>'s <c>x-api-key</c> carries; null when it sends none or no key has it.</summary>
    public async ValueTask<ApiKeyEntry?> FindAsync(HttpRequest request) =>
        request.Headers[HeaderName].ToString() is { Length: > 0 } value ? (await keys.GetAsync()).Find(value) : null;

    /// <summary>The usage plan an enabled <paramref name="key"/> has on the API stage; null means 403, whatever is wrong, as AWS answers.</summary>
    public static ApiKeyPlanGrant? PlanFor(ApiKeyEntry? key, string apiId, string stage) =>
        key is { Enabled: true } ? key.PlanFor(apiId, stage) : null;

    /// <summary>
    /// The plan's throttle (<paramref name="methodThrottle"/> when the plan sets one for the method, else
    /// the plan's own), taken from the edge's leased share of the key's cluster-wide bucket; then the quota.
    /// </summary>
    public async ValueTask<ApiKeyVerdict> MeterAsync(ApiKeyPlanGrant plan, ScopedThrottle? methodThrottle = null)
    {
        if ((methodThrottle ?? plan.Throttle) is { } limit && !await budgets.TryTakeAsync(limit.Scope, limit.Limit))
        {
            return ApiKeyVerdict.Throttled;
        }

        return await quotas.TryTakeAsync(plan) ? ApiKeyVerdict.Admitted : ApiKeyVerdict.QuotaExceeded;
    }
}
