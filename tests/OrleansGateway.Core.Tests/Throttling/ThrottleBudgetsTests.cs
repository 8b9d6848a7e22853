using OrleansGateway.Throttling;

namespace OrleansGateway.Core.Tests.Throttling;

public sealed class ThrottleBudgetsTests
{
    private static ThrottleLimit Limit(double rate, int burst) => new() { RateLimit = rate, BurstLimit = burst };

    [Fact]
    public async Task EachScope_LeasesFromItsOwnBucket()
    {
        var asked = new List<(string Scope, int Wanted)>();
        var budgets = new ThrottleBudgets((scope, _, wanted) =>
        {
            lock (asked)
            {
                asked.Add((scope, wanted));
            }

            // One token each: the second request of a scope needs a second lease.
            return Task.FromResult(new ThrottleLease { Tokens = 1, ValidFor = TimeSpan.FromSeconds(1) });
        }, new SteppedClock());

        Assert.True(await budgets.TryTakeAsync("stage/a/prod", Limit(100, 10)));
        Assert.True(await budgets.TryTakeAsync("stage/b/prod", Limit(100, 10)));

        Assert.Equal(2, budgets.Count);
        Assert.Equal(["stage/a/prod", "stage/b/prod"], asked.Select(a => a.Scope).Distinct().Order());
    }

    [Fact]
    public async Task ChangedLimit_ReplacesTheScopesBudget_WithThatLimitsSlice()
    {
        var wanted = new List<int>();
        var budgets = new ThrottleBudgets((_, _, w) =>
        {
            lock (wanted)
            {
                wanted.Add(w);
            }

            return Task.FromResult(new ThrottleLease { Tokens = w, ValidFor = TimeSpan.FromSeconds(1) });
        }, new SteppedClock());

        Assert.True(await budgets.TryTakeAsync("stage/a/prod", Limit(100, 50)));
        Assert.True(await budgets.TryTakeAsync("stage/a/prod", Limit(1000, 500)));

        Assert.Equal(1, budgets.Count);
        // A slice is 100 ms of the rate: 10 tokens, then 100 under the new limit.
        Assert.Equal([10, 100], wanted);
    }

    [Fact]
    public async Task FailedLease_IsReportedWithItsScope()
    {
        var failed = new List<string>();
        var budgets = new ThrottleBudgets((_, _, _) => throw new TimeoutException("silo gone"), new SteppedClock());
        budgets.LeaseFailed += (scope, _) => failed.Add(scope);

        Assert.True(await budgets.TryTakeAsync(ThrottleScopes.Account, ThrottleLimit.AccountDefault));

        Assert.Equal([ThrottleScopes.Account], failed);
    }
}
