using OrleansGateway.UsagePlans;

namespace OrleansGateway.Core.Tests.UsagePlans;

public sealed class QuotaPeriodsTests
{
    [Theory]
    [InlineData("DAY", "2026-12-05", "2026-12-05", "2026-12-06")]
    [InlineData("WEEK", "2026-12-05", "2026-11-30", "2026-12-07")] // a Saturday: the week began on Monday
    [InlineData("WEEK", "2026-11-30", "2026-11-30", "2026-12-07")]
    [InlineData("WEEK", "2026-12-06", "2026-11-30", "2026-12-07")] // Sunday is the week's last day
    [InlineData("MONTH", "2026-12-31", "2026-12-01", "2027-01-01")]
    [InlineData("MONTH", "2028-02-29", "2028-02-01", "2028-03-01")]
    public void Period_StartsAndEndsOnUtcDayBoundaries(string period, string day, string start, string end)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), QuotaPeriods.Start(period, date));
        Assert.Equal(DateTimeOffset.Parse(end + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), QuotaPeriods.End(period, date));
    }

    [Fact]
    public void UsedInPeriod_CountsFromPeriodStartThroughTheDay()
    {
        var days = new Dictionary<DateOnly, long> { [new(2026, 11, 29)] = 100, [new(2026, 11, 30)] = 3, [new(2026, 12, 2)] = 4, [new(2026, 12, 3)] = 50 };

        Assert.Equal(7, QuotaPeriods.UsedInPeriod("WEEK", new DateOnly(2026, 12, 2), days));
        Assert.Equal(4, QuotaPeriods.UsedInPeriod("DAY", new DateOnly(2026, 12, 2), days));
        Assert.Equal(54, QuotaPeriods.UsedInPeriod("MONTH", new DateOnly(2026, 12, 5), days));
    }
}
