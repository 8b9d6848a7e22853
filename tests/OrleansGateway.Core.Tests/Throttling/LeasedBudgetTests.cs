using OrleansGateway.Throttling;

namespace OrleansGateway.Core.Tests.Throttling;

public sealed class LeasedBudgetTests
{
    private static ThrottleLimit Limit(double rate, int burst) => new() { RateLimit = rate, BurstLimit = burst };

    [Fact]
    public async Task FirstRequest_WaitsForItsLease_AndIsAdmitted()
    {
        var clock = new SteppedClock();
        var bucket = new SharedBucket(Limit(1000, 500), clock);
        var budget = bucket.Budget();

        Assert.True(await budget.TryTakeAsync());
        Assert.Equal(1, bucket.Calls);
    }

    [Fact]
    public async Task SteadyTraffic_TakesSlicesAheadOfNeed_NotACallPerRequest()
    {
        var clock = new SteppedClock();
        var bucket = new SharedBucket(Limit(1000, 500), clock);
        var budget = bucket.Budget();

        for (var i = 0; i < 1000; i++)
        {
            Assert.True(await budget.TryTakeAsync(), $"request {i}");
            clock.Advance(TimeSpan.FromMilliseconds(1));
            await bucket.IdleAsync();
        }

        // 1,000 requests at the rate, in slices of 100 asked when half spent.
        Assert.InRange(bucket.Calls, 10, 21);
    }

    [Fact]
    public async Task ConcurrentBurst_OnAnIdleScope_IsAdmittedUpToTheBurst_NotASlicePerCall()
    {
        // A slice is one token here (rate 10): 60 requests at once still get the bucket's 20.
        var clock = new SteppedClock();
        var bucket = new SharedBucket(Limit(10, 20), clock);
        var budget = bucket.Budget();

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => budget.TryTakeAsync().AsTask()));

        Assert.Equal(20, answers.Count(admitted => admitted));
        Assert.InRange(bucket.Calls, 1, 3);
    }

    [Fact]
    public async Task EmptyBucket_RefusesWithoutAskingAgain_UntilATokenIsDue()
    {
        var clock = new SteppedClock();
        var bucket = new SharedBucket(Limit(2, 1), clock);
        var budget = bucket.Budget();
        Assert.True(await budget.TryTakeAsync());
        await bucket.IdleAsync();
        Assert.False(await budget.TryTakeAsync());
        var calls = bucket.Calls;

        for (var i = 0; i < 100; i++)
        {
            Assert.False(await budget.TryTakeAsync());
        }

        Assert.Equal(calls, bucket.Calls);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(await budget.TryTakeAsync());
    }

    [Fact]
    public async Task UnusedTokens_ExpireWithTheirLease()
    {
        var clock = new SteppedClock();
        var bucket = new SharedBucket(Limit(1000, 500), clock);
        var budget = bucket.Budget();
        Assert.True(await budget.TryTakeAsync());
        var calls = bucket.Calls;

        clock.Advance(ThrottleSlices.LeaseLifetime);
        Assert.True(await budget.TryTakeAsync());

        Assert.Equal(calls + 1, bucket.Calls);
    }

    [Fact]
    public async Task FailedLease_AdmitsOneLocalSlice_AndSaysWhy()
    {
        var failures = new List<Exception>();
        var budget = new LeasedBudget(Limit(100, 50), (_, _) => throw new TimeoutException("silo gone"), new SteppedClock());
        budget.LeaseFailed += failures.Add;

        for (var i = 0; i < budget.Slice; i++)
        {
            Assert.True(await budget.TryTakeAsync());
        }

        Assert.NotEmpty(failures);
        Assert.IsType<TimeoutException>(failures[0]);
    }

    [Fact]
    public async Task TwoEdgesOverTheLimit_AdmitTheBucketsRate_WithinFivePercent()
    {
        // Each edge offers 3 requests per millisecond (6,000/s in all) to a 1,000/s bucket with a
        // burst of 500, for 10 simulated seconds.
        var clock = new SteppedClock();
        var bucket = new SharedBucket(Limit(1000, 500), clock);
        LeasedBudget[] edges = [bucket.Budget(), bucket.Budget()];
        long admitted = 0;

        for (var ms = 0; ms < 10_000; ms++)
        {
            foreach (var edge in edges)
            {
                for (var i = 0; i < 3; i++)
                {
                    admitted += await edge.TryTakeAsync() ? 1 : 0;
                }
            }

            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        const double expected = 500 + 10_000;
        Assert.InRange(admitted, expected * 0.95, expected);
        // At the limit an edge asks once per slice (100 ms): 2 edges × 10 s × 10, and a few more.
        Assert.InRange(bucket.Calls, 100, 400);
    }

    /// <summary>The scope's bucket as the throttle grain keeps it, called by the budgets under test.</summary>
    private sealed class SharedBucket(ThrottleLimit limit, TimeProvider clock)
    {
        private readonly TokenBucket _bucket = new(limit, clock);
        private readonly Lock _gate = new();
        private readonly List<Task> _calls = [];

        public int Calls
        {
            get
            {
                lock (_gate)
                {
                    return _calls.Count;
                }
            }
        }

        public LeasedBudget Budget() => new(limit, Lease, clock);

        /// <summary>Waits until every lease asked for has been answered, and a moment for its budget to apply it.</summary>
        public async Task IdleAsync()
        {
            Task[] calls;
            lock (_gate)
            {
                calls = [.. _calls];
            }

            await Task.WhenAll(calls);
            await Task.Delay(1);
        }

        private Task<ThrottleLease> Lease(ThrottleLimit _, int wanted)
        {
            lock (_gate)
            {
                var lease = Task.FromResult(ThrottleSlices.Lease(_bucket, wanted));
                _calls.Add(lease);
                return lease;
            }
        }
    }
}
