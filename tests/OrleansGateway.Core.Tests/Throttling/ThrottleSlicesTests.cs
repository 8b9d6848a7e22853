using OrleansGateway.Throttling;

namespace OrleansGateway.Core.Tests.Throttling;

public sealed class ThrottleSlicesTests
{
    [Theory]
    [InlineData(10_000, 5_000, 1_000)]
    [InlineData(1_000, 500, 100)]
    [InlineData(0.5, 10, 1)]
    [InlineData(1_000, 3, 3)]
    [InlineData(1_000, 0, 1)]
    public void Slice_IsATenthOfTheRate_AtLeastOne_AtMostTheBurst(double rate, int burst, int slice) =>
        Assert.Equal(slice, ThrottleSlices.SliceOf(new ThrottleLimit { RateLimit = rate, BurstLimit = burst }));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(15, 15)]
    [InlineData(100, 20)]
    public void Lease_GivesWhatIsWanted_UpToTheBurstWhenThatIsMoreThanASlice(int wanted, int tokens)
    {
        var bucket = new TokenBucket(new ThrottleLimit { RateLimit = 10, BurstLimit = 20 }, new SteppedClock());

        Assert.Equal(tokens, ThrottleSlices.Lease(bucket, wanted).Tokens);
    }
}
