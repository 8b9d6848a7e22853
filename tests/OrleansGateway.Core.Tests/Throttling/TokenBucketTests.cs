using OrleansGateway.Throttling;

namespace OrleansGateway.Core.Tests.Throttling;

public sealed class TokenBucketTests
{
    private static ThrottleLimit Limit(double rate, int burst) => new() { RateLimit = rate, BurstLimit = burst };

    [Fact]
    public void NewBucket_IsFull_AndGivesNoMoreThanItsBurst()
    {
        var bucket = new TokenBucket(Limit(100, 20), new SteppedClock());

        Assert.Equal(20, bucket.Take(50));
        Assert.Equal(0, bucket.Take(1));
    }

    [Fact]
    public void EmptyBucket_RefillsAtTheRate_UpToTheBurst()
    {
        var clock = new SteppedClock();
        var bucket = new TokenBucket(Limit(10, 5), clock);
        bucket.Take(5);

        clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(2, bucket.Available);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(5, bucket.Available);
    }

    [Fact]
    public void UntilNextToken_SaysWhenTheNextWholeTokenArrives()
    {
        var clock = new SteppedClock();
        var bucket = new TokenBucket(Limit(4, 1), clock);
        Assert.Equal(TimeSpan.Zero, bucket.UntilNextToken());

        bucket.Take(1);
        clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(150, bucket.UntilNextToken().TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void ZeroBurst_ThrottlesEverything_AndNeverRefills()
    {
        var clock = new SteppedClock();
        var bucket = new TokenBucket(Limit(1000, 0), clock);
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(0, bucket.Take(1));
        Assert.Equal(TimeSpan.MaxValue, bucket.UntilNextToken());
    }

    [Fact]
    public void ZeroRate_GivesTheBurstOnce()
    {
        var clock = new SteppedClock();
        var bucket = new TokenBucket(Limit(0, 3), clock);
        Assert.Equal(3, bucket.Take(10));

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, bucket.Take(1));
        Assert.Equal(TimeSpan.MaxValue, bucket.UntilNextToken());
    }

    [Fact]
    public void Reconfigure_DropsTokensAboveTheNewBurst_AndAddsNone()
    {
        var clock = new SteppedClock();
        var bucket = new TokenBucket(Limit(10, 100), clock);
        bucket.Reconfigure(Limit(10, 30));
        Assert.Equal(30, bucket.Available);

        bucket.Take(30);
        bucket.Reconfigure(Limit(10, 1000));
        Assert.Equal(0, bucket.Available);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10, bucket.Available);
    }

    [Fact]
    public void ConsumersTakingAsFastAsTheyCan_GetTheBurstPlusTheRate_AndNoMore()
    {
        // Two edges asking every 7 ms for slices of 50 tokens for 10 s: the admitted total is what
        // the bucket defines, burst + rate × time, whichever edge asks.
        var clock = new SteppedClock();
        var bucket = new TokenBucket(Limit(1000, 500), clock);
        long admitted = 0;
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromSeconds(10); elapsed += TimeSpan.FromMilliseconds(7))
        {
            admitted += bucket.Take(50);
            admitted += bucket.Take(50);
            clock.Advance(TimeSpan.FromMilliseconds(7));
        }

        // The last take happens after 1,428 steps of 7 ms: 9,996 tokens refilled, less a fraction.
        Assert.InRange(admitted, 500 + 9_995, 500 + 9_996);
    }
}
