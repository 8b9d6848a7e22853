namespace OrleansGateway.Core.Tests.UsagePlans;

/// <summary>A clock whose UTC time the test sets.</summary>
internal sealed class WallClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
