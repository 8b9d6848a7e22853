using Orleans.Core.Internal;
using OrleansGateway.Grains.Tests.Storage;
using OrleansGateway.UsagePlans;

namespace OrleansGateway.Grains.Tests.UsagePlans;

/// <summary>A quota grain's usage is written before a lease is granted: it survives deactivation, and a failed write grants nothing.</summary>
public sealed class QuotaGrainTests(FaultyStorageClusterFixture fixture) : IClassFixture<FaultyStorageClusterFixture>
{
    private static readonly UsagePlanQuota Ten = new() { Limit = 10, Period = "DAY" };

    private readonly IClusterClient _grains = fixture.Client;

    [Fact]
    public async Task Leases_NeverExceedTheLimit_AndSurviveDeactivation()
    {
        var quota = _grains.GetGrain<IQuotaGrain>("plan-persist/key1");

        Assert.Equal(4, (await quota.Lease(Ten, 4)).Granted);
        await quota.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var grant = await quota.Lease(Ten, 100);

        Assert.Equal(6, grant.Granted);
        Assert.Equal(0, (await quota.Lease(Ten, 1)).Granted);
        Assert.Equal(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(1), grant.PeriodEnd.UtcDateTime);
        Assert.Equal(10, (await quota.GetDays()).Values.Sum());

        await quota.SetRemaining(Ten, 3);
        Assert.Equal(3, (await quota.Lease(Ten, 5)).Granted);
    }

    [Fact]
    public async Task FailedWrite_GrantsNothing_AndCountsNothing()
    {
        var quota = _grains.GetGrain<IQuotaGrain>("plan-fault/key1");
        Assert.Equal(2, (await quota.Lease(Ten, 2)).Granted);

        var failedBefore = fixture.Faults.FailedWrites;
        fixture.Faults.FailWrites = true;
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => quota.Lease(Ten, 5));
            Assert.Contains("(injected)", error.ToString());
        }
        finally
        {
            fixture.Faults.FailWrites = false;
        }

        Assert.True(fixture.Faults.FailedWrites > failedBefore);
        Assert.Equal(2, (await quota.GetDays()).Values.Sum());
        Assert.Equal(8, (await quota.Lease(Ten, 100)).Granted);
    }

    [Fact]
    public async Task Offset_IsTakenFromTheInitialPeriod_ForLeasesAndUpdateUsage()
    {
        var offset = new UsagePlanQuota { Limit = 5, Offset = 2, Period = "DAY", SetAt = DateTimeOffset.UtcNow };
        var quota = _grains.GetGrain<IQuotaGrain>("plan-offset/key1");

        Assert.Equal(3, (await quota.Lease(offset, 10)).Granted);
        Assert.Equal(0, (await quota.Lease(offset, 1)).Granted);

        // update-usage counts "remaining" from the same allowance: 1 left of 3 means 2 used today.
        await quota.SetRemaining(offset, 1);
        Assert.Equal(2, (await quota.GetDays()).Values.Sum());
        Assert.Equal(1, (await quota.Lease(offset, 10)).Granted);

        // Set in an earlier period: the offset no longer applies, the full limit does.
        var yesterday = offset with { SetAt = DateTimeOffset.UtcNow.AddDays(-1) };
        Assert.Equal(2, (await quota.Lease(yesterday, 10)).Granted);
    }
}
