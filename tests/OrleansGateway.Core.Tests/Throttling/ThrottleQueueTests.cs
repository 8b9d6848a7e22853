using OrleansGateway.Throttling;

namespace OrleansGateway.Core.Tests.Throttling;

public sealed class ThrottleQueueTests
{
    private static readonly ThrottleLimit Limit = new() { RateLimit = 200, BurstLimit = 200 };

    [Fact]
    public void UncontendedBucket_LeasesAsASliceLeaseDoes()
    {
        var clock = new SteppedClock();
        var queue = new ThrottleQueue(clock);

        var lease = queue.Lease(new TokenBucket(Limit, clock), "a", wanted: 500);

        Assert.Equal(200, lease.Tokens);
        Assert.Equal(TimeSpan.Zero, lease.RetryAfter);
        Assert.Equal(0, queue.Waiting);
    }

    [Fact]
    public void TwoHoldersAtTheLimit_GetTheRateInTurns_EvenWhenOneAlwaysAsksFirst()
    {
        var clock = new SteppedClock();
        var bucket = new TokenBucket(Limit, clock);
        var queue = new ThrottleQueue(clock);
        _ = queue.Lease(bucket, "warm-up", wanted: 200);

        // Each holder spends what it gets at once and asks again when told; on a tie "near" (a hop
        // nearer the grain) asks first, which without the queue would win every slice.
        var next = new Dictionary<string, TimeSpan> { ["near"] = TimeSpan.Zero, ["far"] = TimeSpan.Zero };
        var got = new Dictionary<string, int> { ["near"] = 0, ["far"] = 0 };
        var now = TimeSpan.Zero;
        var step = TimeSpan.FromMilliseconds(1);
        while (now < TimeSpan.FromSeconds(10))
        {
            foreach (var holder in new[] { "near", "far" })
            {
                if (next[holder] <= now)
                {
                    var lease = queue.Lease(bucket, holder, ThrottleSlices.SliceOf(Limit));
                    got[holder] += lease.Tokens;
                    next[holder] = now + (lease.RetryAfter > TimeSpan.Zero ? lease.RetryAfter : step);
                }
            }

            clock.Advance(step);
            now += step;
        }

        var total = got["near"] + got["far"];
        Assert.InRange(total, 1_900, 2_020);
        Assert.InRange(got["far"], total * 0.45, total * 0.55);
    }

    [Fact]
    public void ClaimOfAHolderThatNeverComesBack_Lapses()
    {
        var clock = new SteppedClock();
        var bucket = new TokenBucket(Limit, clock);
        var queue = new ThrottleQueue(clock);
        _ = queue.Lease(bucket, "a", wanted: 200);
        var refused = queue.Lease(bucket, "gone", wanted: 20);
        Assert.Equal(0, refused.Tokens);
        Assert.Equal(1, queue.Waiting);

        // Within its claim's time, the claimed slice is not another holder's.
        clock.Advance(refused.RetryAfter);
        Assert.Equal(0, queue.Lease(bucket, "a", wanted: 20).Tokens);

        clock.Advance(refused.RetryAfter + ThrottleSlices.LeaseLifetime + TimeSpan.FromMilliseconds(1));
        Assert.Equal(20, queue.Lease(bucket, "a", wanted: 20).Tokens);
    }
}
