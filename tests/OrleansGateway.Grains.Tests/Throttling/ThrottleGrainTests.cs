using System.Diagnostics;
using OrleansGateway.Throttling;

namespace OrleansGateway.Grains.Tests.Throttling;

public sealed class ThrottleGrainTests(GatewayClusterFixture fixture) : IClassFixture<GatewayClusterFixture>
{
    private static ThrottleLimit Limit(double rate, int burst) => new() { RateLimit = rate, BurstLimit = burst };

    [Fact]
    public async Task Leases_AreSlicesOfTheRate_AndAddUpToTheBucket()
    {
        var grain = fixture.Client.GetGrain<IThrottleGrain>("test/leases/" + Guid.NewGuid().ToString("N"));
        var limit = Limit(1000, 500);
        var clock = Stopwatch.StartNew();

        long total = 0;
        ThrottleLease lease;
        var leases = 0;
        do
        {
            lease = await grain.Lease(limit, wanted: ThrottleSlices.SliceOf(limit), holder: "test");
            Assert.InRange(lease.Tokens, 0, ThrottleSlices.SliceOf(limit));
            total += lease.Tokens;
        }
        while (lease.Tokens > 0 && ++leases < 1_000);

        // Every token came from the bucket: its burst plus what the rate refilled meanwhile.
        Assert.InRange(total, 500, 500 + (long)Math.Ceiling(clock.Elapsed.TotalSeconds * 1000) + 1);
        Assert.Equal(100, ThrottleSlices.SliceOf(limit));
        Assert.InRange(lease.RetryAfter, TimeSpan.Zero, ThrottleSlices.SliceLength);
        Assert.Equal(ThrottleSlices.LeaseLifetime, lease.ValidFor);
    }

    [Fact]
    public async Task LeaseForMoreThanASlice_GivesUpToTheBurst()
    {
        var grain = fixture.Client.GetGrain<IThrottleGrain>("test/burst/" + Guid.NewGuid().ToString("N"));

        var first = await grain.Lease(Limit(10, 20), wanted: 10_000, holder: "test");
        var second = await grain.Lease(Limit(10, 20), wanted: 10_000, holder: "test");

        Assert.Equal(20, first.Tokens);
        Assert.InRange(second.Tokens, 0, 1);
    }

    [Fact]
    public async Task ChangedLimit_AppliesToTheNextLease()
    {
        var grain = fixture.Client.GetGrain<IThrottleGrain>("test/reconfigured/" + Guid.NewGuid().ToString("N"));
        Assert.Equal(1, (await grain.Lease(Limit(5, 10), wanted: 1, holder: "test")).Tokens);

        var blocked = await grain.Lease(Limit(5, 0), wanted: 1, holder: "test");

        Assert.Equal(0, blocked.Tokens);
        Assert.Equal(TimeSpan.MaxValue, blocked.RetryAfter);
    }
}
