namespace OrleansGateway.Core.Tests.Throttling;

/// <summary>
/// A clock a test moves by hand, so a rate is tested without waiting for it: monotonic timestamps
/// from zero, and a wall time (the Unix epoch unless given) that moves with them.
/// </summary>
internal sealed class SteppedClock(DateTimeOffset? now = null) : TimeProvider
{
    private long _ticks;

    public DateTimeOffset Now { get; private set; } = now ?? DateTimeOffset.UnixEpoch;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => Now;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by)
    {
        Now += by;
        Interlocked.Add(ref _ticks, by.Ticks);
    }
}
