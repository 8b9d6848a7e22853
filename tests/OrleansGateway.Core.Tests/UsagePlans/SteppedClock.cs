namespace OrleansGateway.Core.Tests.UsagePlans;

/// <summary>A clock whose wall time and monotonic timestamps move only when the test says so.</summary>
internal sealed class SteppedClock(DateTimeOffset now) : TimeProvider
{
    private long _timestamp = 1;

    public DateTimeOffset Now { get; private set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override long GetTimestamp() => Volatile.Read(ref _timestamp);

    public void Advance(TimeSpan by)
    {
        Now += by;
        Interlocked.Add(ref _timestamp, (long)(by.TotalSeconds * TimestampFrequency));
    }
}
