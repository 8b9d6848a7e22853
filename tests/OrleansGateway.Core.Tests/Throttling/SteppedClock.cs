namespace OrleansGateway.Core.Tests.Throttling;

/// <summary>A monotonic clock a test moves by hand, so a rate is tested without waiting for it.</summary>
internal sealed class SteppedClock : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
