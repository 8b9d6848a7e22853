using Orleans.Core.Internal;
using OrleansGateway.Errors;
using OrleansGateway.RestApis;
using OrleansGateway.UsagePlans;

namespace OrleansGateway.Grains.Tests.UsagePlans;

/// <summary>
/// A plan's quota offset: refused unless 0 &lt;= offset &lt; limit, and the moment the quota was set
/// (the offset's initial period) is stored with the plan, kept across other changes and a
/// deactivation, and moved when the limit, period or offset change.
/// </summary>
public sealed class UsagePlanRegistryGrainTests(GatewayClusterFixture fixture) : IClassFixture<GatewayClusterFixture>
{
    private readonly IUsagePlanRegistryGrain _plans = fixture.Client.GetGrain<IUsagePlanRegistryGrain>(0);

    [Fact]
    public async Task QuotaSetAt_IsStamped_KeptAcrossOtherChanges_MovedByQuotaChanges()
    {
        var before = DateTimeOffset.UtcNow;
        var plan = await _plans.Create(new UsagePlan { Name = "offset", Quota = new UsagePlanQuota { Limit = 5, Offset = 2, Period = "DAY" } });
        var setAt = Assert.NotNull(plan.Quota?.SetAt);
        Assert.InRange(setAt, before, DateTimeOffset.UtcNow);

        var renamed = await _plans.Update(plan.Id!, [Replace("/name", "renamed")]);
        Assert.Equal(setAt, renamed.Quota?.SetAt);
        await _plans.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Equal(setAt, (await _plans.Get(plan.Id!)).Quota?.SetAt);

        await Task.Delay(5);
        var moved = await _plans.Update(plan.Id!, [Replace("/quota/offset", "1")]);
        Assert.True(moved.Quota?.SetAt > setAt);
        Assert.Equal((5, 1), (moved.Quota!.Limit, moved.Quota.Offset));
    }

    [Theory]
    [InlineData(5, -1)]
    [InlineData(5, 5)]
    [InlineData(5, 9)]
    public async Task Offset_OutsideZeroToLimit_IsBadRequest(int limit, int offset)
    {
        var created = await Assert.ThrowsAsync<ApiGatewayException>(() =>
            _plans.Create(new UsagePlan { Name = "bad", Quota = new UsagePlanQuota { Limit = limit, Offset = offset, Period = "DAY" } }));
        Assert.Equal(("BadRequestException", 400), (created.ErrorType, created.StatusCode));
        Assert.Contains("Invalid quota offset specified", created.Message);

        var plan = await _plans.Create(new UsagePlan { Name = "good", Quota = new UsagePlanQuota { Limit = limit, Period = "DAY" } });
        var updated = await Assert.ThrowsAsync<ApiGatewayException>(() => _plans.Update(plan.Id!, [Replace("/quota/offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        Assert.Equal("BadRequestException", updated.ErrorType);
        Assert.Null((await _plans.Get(plan.Id!)).Quota?.Offset);
    }

    private static PatchOperation Replace(string path, string value) => new() { Op = "replace", Path = path, Value = value };
}
