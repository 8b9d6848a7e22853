namespace OrleansGateway.UsagePlans;

/// <summary>
/// A usage plan quota's periods in UTC days: <c>DAY</c> is one day, <c>WEEK</c> starts on Monday,
/// <c>MONTH</c> on the 1st (the periods <c>get-usage</c> has always reported here).
/// </summary>
public static class QuotaPeriods
{
    /// <summary>The first day of the period that holds <paramref name="day"/>.</summary>
    public static DateOnly Start(string? period, DateOnly day) => period switch
    {
        "WEEK" => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        "MONTH" => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    /// <summary>The instant the period that holds <paramref name="day"/> ends (midnight UTC after its last day).</summary>
    public static DateTimeOffset End(string? period, DateOnly day)
    {
        var next = period switch
        {
            "WEEK" => Start(period, day).AddDays(7),
            "MONTH" => Start(period, day).AddMonths(1),
            _ => day.AddDays(1),
        };
        return new DateTimeOffset(next.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    /// <summary>
    /// The requests <paramref name="quota"/> allows in the period that holds <paramref name="day"/>:
    /// its limit, less its offset in the initial period (the one that holds <see cref="UsagePlanQuota.SetAt"/>).
    /// </summary>
    public static long Allowance(UsagePlanQuota? quota, DateOnly day)
    {
        long limit = quota?.Limit ?? 0;
        return quota is { Offset: > 0 and var offset, SetAt: { } setAt } && IsInitialPeriod(quota.Period, setAt, day)
            ? Math.Max(0, limit - offset)
            : limit;
    }

    /// <summary>What was used in the period that holds <paramref name="day"/>, through that day, from per-day counts.</summary>
    public static long UsedInPeriod(string? period, DateOnly day, IReadOnlyDictionary<DateOnly, long> days)
    {
        var from = Start(period, day);
        return days.Where(d => d.Key >= from && d.Key <= day).Sum(d => d.Value);
    }

    private static bool IsInitialPeriod(string? period, DateTimeOffset setAt, DateOnly day) =>
        Start(period, DateOnly.FromDateTime(setAt.UtcDateTime)) == Start(period, day);
}
