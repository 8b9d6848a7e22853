using OrleansGateway.ApiKeys;
using OrleansGateway.Throttling;
using OrleansGateway.UsagePlans;

namespace OrleansGateway.Core.Tests.ApiKeys;

public sealed class ApiKeyTableTests
{
    private static readonly ApiKey Partner = new() { Id = "k1", Value = "value-1", Enabled = true };
    private static readonly ApiKey Disabled = new() { Id = "k2", Value = "value-2", Enabled = false };
    private static readonly ApiKey Loose = new() { Id = "k3", Value = "value-3", Enabled = true };

    private static readonly UsagePlan Gold = new()
    {
        Id = "plan1",
        ApiStages =
        [
            new UsagePlanApiStage
            {
                ApiId = "api1",
                Stage = "prod",
                Throttle = new Dictionary<string, UsagePlanThrottle> { ["/pets/{id}/get"] = new() { RateLimit = 2, BurstLimit = 3 } },
            },
        ],
        Throttle = new UsagePlanThrottle { RateLimit = 10, BurstLimit = 20 },
        Quota = new UsagePlanQuota { Limit = 100, Period = "DAY" },
    };

    private static ApiKeyTable Table() =>
        ApiKeyTable.Create(4, 7, [Partner, Disabled, Loose], [(Gold, new[] { "k1", "k2" })]);

    [Fact]
    public void Find_ByValue_GivesKeyAndItsPlanForTheStageOnly()
    {
        var table = Table();
        var key = table.Find("value-1")!;

        Assert.Equal("k1", key.Id);
        Assert.True(key.Enabled);
        var plan = key.PlanFor("api1", "prod")!;
        Assert.Equal("plan1", plan.UsagePlanId);
        Assert.Equal(100, plan.Quota!.Limit);
        Assert.Null(key.PlanFor("api1", "dev"));
        Assert.Null(key.PlanFor("api2", "prod"));
        Assert.Equal((4, 7), (table.KeysVersion, table.PlansVersion));
    }

    [Fact]
    public void Find_UnknownOrEmpty_IsNull_DisabledIsKept_KeyWithoutPlanHasNone()
    {
        var table = Table();

        Assert.Null(table.Find("nope"));
        Assert.Null(table.Find(""));
        Assert.Null(table.Find(null));
        Assert.False(table.Find("value-2")!.Enabled);
        Assert.Null(table.Find("value-3")!.PlanFor("api1", "prod"));
    }

    [Fact]
    public void Throttles_ArePerKeyScopes_MethodThrottleByPathAndMethod()
    {
        var plan = Table().Find("value-1")!.PlanFor("api1", "prod")!;

        Assert.Equal(new ScopedThrottle(ThrottleScopes.Client("plan1", "k1"), new ThrottleLimit { RateLimit = 10, BurstLimit = 20 }), plan.Throttle);
        var method = plan.MethodThrottle("/pets/{id}", "GET")!;
        Assert.Equal(ThrottleScopes.ClientMethod("plan1", "k1", "api1", "prod", "/pets/{id}/get"), method.Scope);
        Assert.Equal(3, method.Limit.BurstLimit);
        Assert.Null(plan.MethodThrottle("/pets/{id}", "POST"));
        Assert.NotEqual(plan.Throttle!.Scope, Table().Find("value-2")!.PlanFor("api1", "prod")!.Throttle!.Scope);
    }
}
