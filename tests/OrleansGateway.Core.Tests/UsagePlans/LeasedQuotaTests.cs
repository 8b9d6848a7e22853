using OrleansGateway.Core.Tests.Throttling;
using OrleansGateway.UsagePlans;

namespace OrleansGateway.Core.Tests.UsagePlans;

public sealed class LeasedQuotaTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(250, 2)]
    [InlineData(5_000, 50)]
    [InlineData(1_000_000, 100)]
    public void Slice_IsAHundredthOfTheLimit_BetweenOneAndAHundred(int limit, int slice) =>
        Assert.Equal(slice, LeasedQuota.SliceFor(limit));

    [Fact]
    public async Task AdmitsExactlyWhatTheOwnerGrants_ThenRefusesWithoutAskingAgain()
    {
        var owner = new Owner(limit: 1_050, Noon.AddHours(12));
        var quota = new LeasedQuota(1_050, owner.Lease, new WallClock(Noon));

        var admitted = 0;
        for (var i = 0; i < 1_200; i++)
        {
            admitted += await quota.TryTakeAsync() ? 1 : 0;
        }

        Assert.Equal(1_050, admitted);
        // Leases of a slice (10), not one call per request; refusals ask no more.
        Assert.InRange(owner.Calls, 105, 107);
        var calls = owner.Calls;
        Assert.False(await quota.TryTakeAsync());
        Assert.Equal(calls, owner.Calls);
    }

    [Fact]
    public async Task ConcurrentWaiters_ShareOneLeaseCall()
    {
        var owner = new Owner(limit: 10_000, Noon.AddHours(12)) { Gate = new TaskCompletionSource() };
        var quota = new LeasedQuota(10_000, owner.Lease, new WallClock(Noon));

        var waiters = Enumerable.Range(0, 20).Select(_ => quota.TryTakeAsync().AsTask()).ToList();
        await Task.Delay(50);
        owner.Gate.SetResult();

        Assert.All(await Task.WhenAll(waiters), Assert.True);
        Assert.InRange(owner.Calls, 1, 2);
    }

    [Fact]
    public async Task NewPeriod_AsksAgain()
    {
        var clock = new WallClock(Noon);
        var owner = new Owner(limit: 2, Noon.AddHours(12));
        var quota = new LeasedQuota(2, owner.Lease, clock);
        Assert.True(await quota.TryTakeAsync());
        Assert.True(await quota.TryTakeAsync());
        Assert.False(await quota.TryTakeAsync());

        clock.Now = Noon.AddHours(13);
        owner.StartPeriod(Noon.AddHours(36));

        Assert.True(await quota.TryTakeAsync());
    }

    [Theory]
    [InlineData(1_000, 10)]
    [InlineData(10_000, 100)]
    [InlineData(1_000_000, 10_000)]
    [InlineData(int.MaxValue, 10_000)]
    public void MaxSlice_IsAHundredthOfTheLimit_AtMostTenThousand(int limit, int slice) =>
        Assert.Equal(slice, LeasedQuota.MaxSliceFor(limit));

    [Fact]
    public async Task BusyKey_LeasesGrowToTheLargestSlice_SoFewLeaseCallsServeManyRequests()
    {
        var clock = new SteppedClock(Noon);
        var owner = new Owner(limit: 1_000_000, Noon.AddHours(12));
        var quota = new LeasedQuota(1_000_000, owner.Lease, clock);

        for (var i = 0; i < 100_000; i++)
        {
            Assert.True(await quota.TryTakeAsync());
        }

        // 100, 200, ... 6,400, then 10,000 a lease: about 15 calls instead of 1,000 slices of 100.
        Assert.Equal(10_000, quota.Slice);
        Assert.InRange(owner.Calls, 10, 20);
        // Held unspent: what was left when the last lease was asked for (half a slice) plus that lease.
        Assert.InRange(owner.Used - 100_000, 0, quota.MaxSlice * 3 / 2);
    }

    [Fact]
    public async Task KeyThatSlowsDown_LeasesShrinkAgain()
    {
        var clock = new SteppedClock(Noon);
        var owner = new Owner(limit: 1_000_000, Noon.AddHours(12));
        var quota = new LeasedQuota(1_000_000, owner.Lease, clock);
        while (quota.Slice < quota.MaxSlice)
        {
            await quota.TryTakeAsync();
        }

        var calls = owner.Calls;
        clock.Advance(TimeSpan.FromSeconds(3));
        while (owner.Calls == calls)
        {
            Assert.True(await quota.TryTakeAsync());
        }

        await WaitForAsync(() => quota.Slice == 5_000);
        Assert.Equal(5_000, owner.LastWanted);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    private sealed class Owner(int limit, DateTimeOffset periodEnd)
    {
        private int _used;
        private DateTimeOffset _periodEnd = periodEnd;
        private int _calls;

        public TaskCompletionSource? Gate { get; init; }

        public int Calls => Volatile.Read(ref _calls);

        public int Used => Volatile.Read(ref _used);

        public int LastWanted { get; private set; }

        public void StartPeriod(DateTimeOffset end)
        {
            _used = 0;
            _periodEnd = end;
        }

        public async Task<QuotaGrant> Lease(int wanted)
        {
            Interlocked.Increment(ref _calls);
            LastWanted = wanted;
            if (Gate is not null)
            {
                await Gate.Task;
            }

            var granted = Math.Min(wanted, limit - _used);
            _used += granted;
            return new QuotaGrant { Granted = granted, PeriodEnd = _periodEnd };
        }
    }
}
