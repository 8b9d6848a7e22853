namespace OrleansGateway.Grains.Tests.WebSockets;

/// <summary>A clock a test moves by hand, so that "at most once a second" is tested without waiting.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
