using System.Collections.Concurrent;
using OrleansGateway.ApiKeys;
using OrleansGateway.UsagePlans;

namespace OrleansGateway.Edge.ApiKeys;

/// <summary>
/// The edge's leased quotas, one per (usage plan, key) in use. Dropped with the key table when a
/// key or plan changes (a new limit, or <c>update-usage</c> granting more), so the next request
/// leases afresh from the <see cref="IQuotaGrain"/>.
/// </summary>
public sealed class QuotaLeases(IGrainFactory grains, TimeProvider? clock = null)
{
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
            return new LeasedQuota(limit, wanted => grain.Lease(quota, wanted), clock);
        }, (grains, clock ?? TimeProvider.System, quota, limit));
        return leased.TryTakeAsync();
    }

    /// <summary>Forgets every lease (unspent tokens stay counted as used, within the stated bound).</summary>
    public void Clear() => Volatile.Write(ref _quotas, new ConcurrentDictionary<string, LeasedQuota>(StringComparer.Ordinal));
}
