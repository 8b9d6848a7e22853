using OrleansGateway.UsagePlans;

namespace OrleansGateway.Core.Tests.UsagePlans;

/// <summary>QuotaSettings.offset: "the number of requests subtracted from the given limit in the initial time period".</summary>
public sealed class QuotaAllowanceTests
{
    // Saturday 2026-12-05, in the week that began Monday 2026-11-30.
    private static readonly DateTimeOffset SetAt = new(2026, 12, 5, 10, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("DAY", "2026-12-05", 3)]
    [InlineData("DAY", "2026-12-06", 5)]
    [InlineData("DAY", "2026-12-04", 5)]
    [InlineData("WEEK", "2026-11-30", 3)]
    [InlineData("WEEK", "2026-12-06", 3)]
    [InlineData("WEEK", "2026-12-07", 5)]
    [InlineData("MONTH", "2026-12-01", 3)]
    [InlineData("MONTH", "2026-12-31", 3)]
    [InlineData("MONTH", "2027-01-01", 5)]
    public void Offset_IsSubtractedInThePeriodHoldingSetAt_Only(string period, string day, long allowance)
    {
        var quota = new UsagePlanQuota { Limit = 5, Offset = 2, Period = period, SetAt = SetAt };

        Assert.Equal(allowance, QuotaPeriods.Allowance(quota, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void NoOffset_NoStamp_OrNoQuota_AllowTheLimit()
    {
        var today = DateOnly.FromDateTime(SetAt.UtcDateTime);

        Assert.Equal(5, QuotaPeriods.Allowance(new UsagePlanQuota { Limit = 5, Offset = 0, Period = "DAY", SetAt = SetAt }, today));
        Assert.Equal(5, QuotaPeriods.Allowance(new UsagePlanQuota { Limit = 5, Offset = 2, Period = "DAY" }, today));
        Assert.Equal(0, QuotaPeriods.Allowance(null, today));
    }

    [Fact]
    public async Task LeasedQuota_FromAnOffsetAllowance_AdmitsLimitLessOffset_ThenRefuses()
    {
        var quota = new UsagePlanQuota { Limit = 5, Offset = 2, Period = "DAY", SetAt = SetAt };
        var today = DateOnly.FromDateTime(SetAt.UtcDateTime);
        long used = 0;
        var leased = new LeasedQuota(5, wanted =>
        {
            var granted = (int)Math.Clamp(QuotaPeriods.Allowance(quota, today) - used, 0, wanted);
            used += granted;
            return Task.FromResult(new QuotaGrant { Granted = granted, PeriodEnd = QuotaPeriods.End("DAY", today) });
        }, new WallClock(SetAt));

        var admitted = new List<bool>();
        for (var i = 0; i < 5; i++)
        {
            admitted.Add(await leased.TryTakeAsync());
        }

        Assert.Equal([true, true, true, false, false], admitted);
    }
}
