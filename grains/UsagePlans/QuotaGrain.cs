namespace OrleansGateway.UsagePlans;

/// <summary>
/// One key's quota in one plan (see <see cref="IQuotaGrain"/>). Usage is written before a lease
/// is answered and put back if the write fails, so a restart or failover never forgets granted
/// requests: a quota can be under-used by the leases edges held when they died, never over-used.
/// </summary>
public sealed class QuotaGrain(
    [PersistentState("state", StorageNames.Gateway)] IPersistentState<QuotaState> state, TimeProvider? clock = null) : Grain, IQuotaGrain
{
    // get-usage looks back at most 90 days; older days are dropped when written.
    private const int KeptDays = 100;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<QuotaGrant> Lease(UsagePlanQuota quota, int wanted)
    {
        var today = Today();
        var used = QuotaPeriods.UsedInPeriod(quota.Period, today, state.State.Days);
        var granted = (int)Math.Clamp(QuotaPeriods.Allowance(quota, today) - used, 0, Math.Max(0, wanted));
        if (granted > 0)
        {
            await AddAsync(today, granted);
        }

        return new QuotaGrant { Granted = granted, PeriodEnd = QuotaPeriods.End(quota.Period, today) };
    }

    public Task<Dictionary<DateOnly, long>> GetDays() => Task.FromResult(new Dictionary<DateOnly, long>(state.State.Days));

    public async Task SetRemaining(UsagePlanQuota? quota, long remaining)
    {
        var today = Today();
        var todayUsed = state.State.Days.GetValueOrDefault(today);
        var usedBefore = QuotaPeriods.UsedInPeriod(quota?.Period, today, state.State.Days) - todayUsed;
        var wanted = Math.Max(0, QuotaPeriods.Allowance(quota, today) - remaining - usedBefore);
        await AddAsync(today, wanted - todayUsed);
    }

    private async Task AddAsync(DateOnly today, long delta)
    {
        var days = state.State.Days;
        var previous = days.GetValueOrDefault(today);
        var dropped = days.Where(d => d.Key < today.AddDays(-KeptDays)).ToList();
        days[today] = previous + delta;
        foreach (var old in dropped)
        {
            days.Remove(old.Key);
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not written: the grant is not given, so the count goes back to what storage holds.
            days[today] = previous;
            foreach (var old in dropped)
            {
                days[old.Key] = old.Value;
            }

            throw;
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
}
