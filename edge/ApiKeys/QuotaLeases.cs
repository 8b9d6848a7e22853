using System.Collections.Concurrent;
using OrleansGateway.ApiKeys;
using OrleansGateway.UsagePlans;

namespace OrleansGateway.Edge.ApiKeys;

/// <summary>
/// The edge's leased quotas, one per (usage plan, key) in use. Dropped with the key table when a
/// key or plan changes (a new limit, or <c>update-usage</c> granting more), so the next request
/// leases afresh from the <see cref="IQuotaGrain"/>. A lease call that fails (the grain's silo just
/// died and the grain has not moved yet) is tried again after <see cref="RetryDelays"/>, so a
/// failover makes the key's requests wait a moment rather than fail; a lease that failed after its
/// write only leaves the quota under-used.
/// </summary>
public sealed class QuotaLeases(IGrainFactory grains, TimeProvider? clock = null)
{
    /// <summary>The waits before a failed lease call is tried again; after the last, the request fails (500).</summary>
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(800)];

    private ConcurrentDictionary<string, LeasedQuota> _quotas = new(StringComparer.Ordinal);

    /// <summary>True to admit a request of <paramref name="plan"/>'s key; plans without a quota always admit.</summary>
    public ValueTask<bool> TryTakeAsync(ApiKeyPlanGrant plan)
    {
        if (plan.Quota is not { Limit: { } limit } quota)
        {
            return ValueTask.FromResult(true);
        }

        var quotas = Volatile.Read(ref _quotas);
        var leased = quotas.GetOrAdd(plan.QuotaKey, static (key, state) =>
        {
            var (grains, clock, quota, limit) = state;
            var grain = grains.GetGrain<IQuotaGrain>(key);
            return new LeasedQuota(limit, wanted => LeaseAsync(grain, quota, wanted), clock);
        }, (grains, clock ?? TimeProvider.System, quota, limit));
        return leased.TryTakeAsync();
    }

    private static async Task<QuotaGrant> LeaseAsync(IQuotaGrain grain, UsagePlanQuota quota, int wanted)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await grain.Lease(quota, wanted);
            }
            catch (Exception) when (attempt < RetryDelays.Length)
            {
                await Task.Delay(RetryDelays[attempt]);
            }
        }
    }

    /// <summary>Forgets every lease (unspent tokens stay counted as used, within the stated bound).</summary>
    public void Clear() => Volatile.Write(ref _quotas, new ConcurrentDictionary<string, LeasedQuota>(StringComparer.Ordinal));
}
