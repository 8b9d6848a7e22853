namespace OrleansGateway.UsagePlans;

/// <summary>
/// One API key's quota in one usage plan (key <c>"{usagePlanId}/{keyId}"</c>): owns the per-day
/// usage, persisted, from which the current period's count follows. Edges take it in small leases
/// (<see cref="Lease"/>), so steady traffic calls this grain once per slice, not per request.
/// </summary>
[Alias("gw.IQuotaGrain")]
public interface IQuotaGrain : IGrainWithStringKey
{
    /// <summary>Grants up to <paramref name="wanted"/> requests of <paramref name="quota"/>'s current period, counted as used at once; 0 when exhausted.</summary>
    [Alias("Lease")]
    Task<QuotaGrant> Lease(UsagePlanQuota quota, int wanted);

    /// <summary>Requests used per UTC day.</summary>
    [Alias("GetDays")]
    Task<Dictionary<DateOnly, long>> GetDays();

    /// <summary>Sets today's usage so that <paramref name="remaining"/> requests are left in the current period (<c>update-usage</c>).</summary>
    [Alias("SetRemaining")]
    Task SetRemaining(UsagePlanQuota? quota, long remaining);
}
