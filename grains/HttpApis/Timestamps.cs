namespace OrleansGateway.HttpApis;

/// <summary>
/// Resource timestamps in whole seconds: that is all AWS's wire format carries, so what is
/// stored and what a client reads back agree.
/// </summary>
public static class Timestamps
{
    public static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }
}
