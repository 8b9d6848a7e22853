using System.Globalization;
using OrleansGateway.EndToEnd.Tests.ControlPlane.RestApis;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane.UsagePlans;

/// <summary>Usage plans, their keys and usage through <c>aws apigateway</c>: stored and answered as AWS does (not enforced yet).</summary>
public sealed class UsagePlanCliTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    private readonly ApiGatewayCli _cli = new(fixture.Edge.AdminUrl);

    [Fact]
    public async Task CreatePatchAndDelete_AnswersAsAws()
    {
        var plan = await _cli.JsonAsync("create-usage-plan", "--name", "gold", "--description", "for partners",
            "--api-stages", "apiId=abc123,stage=prod", "--throttle", "burstLimit=10,rateLimit=5", "--quota", "limit=1000,offset=0,period=MONTH",
            "--tags", "tier=gold");
        var id = plan.GetProperty("id").GetString()!;
        Assert.Equal("abc123", plan.GetProperty("apiStages")[0].GetProperty("apiId").GetString());
        Assert.Equal(10, plan.GetProperty("throttle").GetProperty("burstLimit").GetInt32());
        Assert.Equal("MONTH", plan.GetProperty("quota").GetProperty("period").GetString());

        var patched = await _cli.JsonAsync("update-usage-plan", "--usage-plan-id", id, "--patch-operations",
            "op=replace,path=/name,value=platinum", "op=replace,path=/throttle/rateLimit,value=50", "op=replace,path=/quota/limit,value=5000",
            "op=replace,path=/quota/period,value=WEEK", "op=add,path=/apiStages,value=abc123:beta", "op=remove,path=/apiStages,value=abc123:prod");
        Assert.Equal("platinum", patched.GetProperty("name").GetString());
        Assert.Equal(50.0, patched.GetProperty("throttle").GetProperty("rateLimit").GetDouble());
        Assert.Equal(5000, patched.GetProperty("quota").GetProperty("limit").GetInt32());
        Assert.Equal("WEEK", patched.GetProperty("quota").GetProperty("period").GetString());
        Assert.Equal("beta", Assert.Single(patched.GetProperty("apiStages").EnumerateArray()).GetProperty("stage").GetString());

        Assert.Contains("ValidationException", await _cli.ErrorAsync("update-usage-plan", "--usage-plan-id", id, "--patch-operations", "op=replace,path=/quota/period,value=YEAR"));
        Assert.Contains(id, (await _cli.JsonAsync("get-usage-plans")).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()));

        await _cli.OkAsync("delete-usage-plan", "--usage-plan-id", id);
        var missing = await _cli.ErrorAsync("get-usage-plan", "--usage-plan-id", id);
        Assert.Contains("NotFoundException", missing);
        Assert.Contains("Invalid Usage Plan ID specified", missing);
    }

    [Fact]
    public async Task PlanKeysAndUsage_AreStoredCounters()
    {
        var planId = (await _cli.JsonAsync("create-usage-plan", "--name", "metered", "--quota", "limit=100,period=DAY")).GetProperty("id").GetString()!;
        var key = await _cli.JsonAsync("create-api-key", "--name", "metered-key", "--enabled");
        var keyId = key.GetProperty("id").GetString()!;

        var planKey = await _cli.JsonAsync("create-usage-plan-key", "--usage-plan-id", planId, "--key-id", keyId, "--key-type", "API_KEY");
        Assert.Equal("API_KEY", planKey.GetProperty("type").GetString());
        Assert.Equal(key.GetProperty("value").GetString(), planKey.GetProperty("value").GetString());
        Assert.Equal("metered-key", planKey.GetProperty("name").GetString());
        Assert.Contains("ConflictException", await _cli.ErrorAsync("create-usage-plan-key", "--usage-plan-id", planId, "--key-id", keyId, "--key-type", "API_KEY"));
        Assert.Equal(keyId, Assert.Single((await _cli.JsonAsync("get-usage-plan-keys", "--usage-plan-id", planId)).GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(planId, Assert.Single((await _cli.JsonAsync("get-usage-plans", "--key-id", keyId)).GetProperty("items").EnumerateArray()).GetProperty("id").GetString());

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var usage = await _cli.JsonAsync("get-usage", "--usage-plan-id", planId, "--start-date", today, "--end-date", today);
        Assert.True(usage.TryGetProperty("items", out var items) && items.TryGetProperty(keyId, out _), usage.ToString());
        Assert.Equal(planId, usage.GetProperty("usagePlanId").GetString());
        var day = usage.GetProperty("items").GetProperty(keyId)[0];
        Assert.Equal([0, 100], day.EnumerateArray().Select(n => n.GetInt64()));

        var updated = await _cli.JsonAsync("update-usage", "--usage-plan-id", planId, "--key-id", keyId, "--patch-operations", "op=replace,path=/remaining,value=40");
        Assert.Equal([60, 40], updated.GetProperty("items").GetProperty(keyId)[0].EnumerateArray().Select(n => n.GetInt64()));
        var reread = await _cli.JsonAsync("get-usage", "--usage-plan-id", planId, "--start-date", today, "--end-date", today, "--key-id", keyId);
        Assert.Equal([60, 40], reread.GetProperty("items").GetProperty(keyId)[0].EnumerateArray().Select(n => n.GetInt64()));

        await _cli.OkAsync("delete-usage-plan-key", "--usage-plan-id", planId, "--key-id", keyId);
        var missing = await _cli.ErrorAsync("get-usage-plan-key", "--usage-plan-id", planId, "--key-id", keyId);
        Assert.Contains("NotFoundException", missing);
        Assert.Contains("Invalid API Key identifier specified", missing);
    }

    [Fact]
    public async Task Tags_ByUsagePlanArn()
    {
        var id = (await _cli.JsonAsync("create-usage-plan", "--name", "tagged")).GetProperty("id").GetString()!;
        var arn = $"arn:aws:apigateway:us-east-1::/usageplans/{id}";
        await _cli.OkAsync("tag-resource", "--resource-arn", arn, "--tags", "a=1");
        Assert.Equal("1", (await _cli.JsonAsync("get-tags", "--resource-arn", arn)).GetProperty("tags").GetProperty("a").GetString());
    }

    [Fact]
    public async Task Account_AnswersAwsDefaultsAndStoresTheCloudWatchRole()
    {
        var account = await _cli.JsonAsync("get-account");
        Assert.Equal(5000, account.GetProperty("throttleSettings").GetProperty("burstLimit").GetInt32());
        Assert.Equal(10000.0, account.GetProperty("throttleSettings").GetProperty("rateLimit").GetDouble());
        Assert.Equal("4", account.GetProperty("apiKeyVersion").GetString());
        Assert.Contains("UsagePlans", account.GetProperty("features").EnumerateArray().Select(f => f.GetString()));

        var role = "arn:aws:iam::000000000000:role/apigw-logs";
        var updated = await _cli.JsonAsync("update-account", "--patch-operations", $"op=replace,path=/cloudwatchRoleArn,value={role}");
        Assert.Equal(role, updated.GetProperty("cloudwatchRoleArn").GetString());
        Assert.Equal(role, (await _cli.JsonAsync("get-account")).GetProperty("cloudwatchRoleArn").GetString());
        Assert.Contains("BadRequestException", await _cli.ErrorAsync("update-account", "--patch-operations", "op=replace,path=/apiKeyVersion,value=3"));
    }
}
