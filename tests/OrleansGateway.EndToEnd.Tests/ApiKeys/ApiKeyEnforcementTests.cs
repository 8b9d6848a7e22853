using System.Net;
using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.ControlPlane.RestApis;
using OrleansGateway.EndToEnd.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.RestApis;

namespace OrleansGateway.EndToEnd.Tests.ApiKeys;

/// <summary>
/// REST methods with <c>apiKeyRequired</c> on a real edge: a key made with the AWS CLI and put in a
/// usage plan for the stage lets calls through with <c>x-api-key</c>, and <c>$context.identity</c>
/// names it; no key, an unknown, disabled or other-stage key get AWS's 403; a plan's throttle is
/// per key.
/// </summary>
public sealed class ApiKeyEnforcementTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>, IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly RestAdmin _admin = new(fixture.Edge.AdminUrl);
    private readonly ApiGatewayCli _cli = new(fixture.Edge.AdminUrl);

    public void Dispose()
    {
        _http.Dispose();
        _admin.Dispose();
    }

    [Fact]
    public async Task KeyFromCli_InPlanForStage_Admits_AndFillsContext_OthersForbidden()
    {
        var apiId = await KeyedApiAsync("keyed-cli", "prod", "dev");
        var key = await _cli.JsonAsync("create-api-key", "--name", "partner", "--enabled");
        var keyId = key.GetProperty("id").GetString()!;
        var value = key.GetProperty("value").GetString()!;
        var plan = await _cli.JsonAsync("create-usage-plan", "--name", "gold", "--api-stages", $"apiId={apiId},stage=prod");
        await _cli.JsonAsync("create-usage-plan-key", "--usage-plan-id", plan.GetProperty("id").GetString()!, "--key-id", keyId, "--key-type", "API_KEY");

        var prod = $"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod/pets";
        var (status, body) = await WaitForStatusAsync(prod, value, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, status);
        var context = JsonDocument.Parse(body).RootElement;
        Assert.Equal(keyId, context.GetProperty("keyId").GetString());
        Assert.Equal(value, context.GetProperty("key").GetString());

        await AssertForbiddenAsync(prod, null);
        await AssertForbiddenAsync(prod, "not-a-key-value-anyone-has-0123456789");
        // The plan covers prod only.
        await AssertForbiddenAsync($"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/dev/pets", value);

        // apiKeySource AUTHORIZER takes the key from a Lambda authorizer, which cannot run here: refused, not let through.
        await _admin.SendAsync(HttpMethod.Patch, $"/restapis/{apiId}",
            new { patchOperations = new[] { new { op = "replace", path = "/apiKeySource", value = "AUTHORIZER" } } });
        await _admin.DeployAsync(apiId, "prod");
        var (fromAuthorizer, _) = await WaitForStatusAsync(prod, value, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, fromAuthorizer);
        await _admin.SendAsync(HttpMethod.Patch, $"/restapis/{apiId}",
            new { patchOperations = new[] { new { op = "replace", path = "/apiKeySource", value = "HEADER" } } });
        await _admin.DeployAsync(apiId, "prod");
        Assert.Equal(HttpStatusCode.OK, (await WaitForStatusAsync(prod, value, HttpStatusCode.OK)).Status);

        // Disabled: refused once the change reaches the edge (pushed, so within moments).
        await _cli.JsonAsync("update-api-key", "--api-key", keyId, "--patch-operations", "op=replace,path=/enabled,value=false");
        var (disabled, _) = await WaitForStatusAsync(prod, value, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, disabled);
    }

    [Fact]
    public async Task PlanThrottle_IsPerKey_OverBurstIs429TooManyRequests()
    {
        const int Burst = 5;
        var apiId = await KeyedApiAsync("keyed-throttle", "prod");
        var first = await _admin.SendAsync(HttpMethod.Post, "/apikeys", new { name = "first", enabled = true });
        var second = await _admin.SendAsync(HttpMethod.Post, "/apikeys", new { name = "second", enabled = true });
        var plan = await _admin.SendAsync(HttpMethod.Post, "/usageplans", new
        {
            name = "slow",
            apiStages = new[] { new { apiId, stage = "prod" } },
            throttle = new { burstLimit = Burst, rateLimit = 1.0 },
        });
        var planId = plan.GetProperty("id").GetString()!;
        foreach (var key in new[] { first, second })
        {
            await _admin.SendAsync(HttpMethod.Post, $"/usageplans/{planId}/keys", new { keyId = key.GetProperty("id").GetString(), keyType = "API_KEY" });
        }

        var url = $"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod/pets";
        var firstValue = first.GetProperty("value").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await WaitForStatusAsync(url, firstValue, HttpStatusCode.OK)).Status);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var admitted = 1;
        var throttledBody = "";
        for (var i = 0; i < 4 * Burst; i++)
        {
            var (status, body) = await SendAsync(url, firstValue);
            if (status == HttpStatusCode.OK)
            {
                admitted++;
            }
            else
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, status);
                throttledBody = body;
            }
        }

        Assert.InRange(admitted, Burst, Burst + 1 + (int)clock.Elapsed.TotalSeconds);
        Assert.Equal("""{"message":"Too Many Requests"}""", throttledBody);

        // The other key in the same plan has a bucket of its own.
        var (other, _) = await SendAsync(url, second.GetProperty("value").GetString()!);
        Assert.Equal(HttpStatusCode.OK, other);
    }

    [Fact]
    public async Task PlanMethodThrottle_WinsOverPlanThrottle_ForItsMethod()
    {
        const int MethodBurst = 2;
        var apiId = await KeyedApiAsync("keyed-method-throttle", "prod");
        var key = await _admin.SendAsync(HttpMethod.Post, "/apikeys", new { name = "per-method", enabled = true });
        var plan = await _admin.SendAsync(HttpMethod.Post, "/usageplans", new
        {
            name = "per-method",
            apiStages = new[]
            {
                new
                {
                    apiId,
                    stage = "prod",
                    throttle = new Dictionary<string, object> { ["/pets/GET"] = new { burstLimit = MethodBurst, rateLimit = 0.5 } },
                },
            },
            throttle = new { burstLimit = 100, rateLimit = 100.0 },
        });
        await _admin.SendAsync(HttpMethod.Post, $"/usageplans/{plan.GetProperty("id").GetString()}/keys",
            new { keyId = key.GetProperty("id").GetString(), keyType = "API_KEY" });

        var url = $"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod/pets";
        var value = key.GetProperty("value").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await WaitForStatusAsync(url, value, HttpStatusCode.OK)).Status);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var admitted = 1;
        for (var i = 0; i < 10; i++)
        {
            admitted += (await SendAsync(url, value)).Status == HttpStatusCode.OK ? 1 : 0;
        }

        Assert.InRange(admitted, MethodBurst, MethodBurst + 1 + (int)(0.5 * clock.Elapsed.TotalSeconds));
    }

    [Fact]
    public async Task Quota_AdmitsExactlyLimit_ThenLimitExceeded_UpdateUsageGrantsMore_GetUsageReports()
    {
        const int Limit = 7;
        var apiId = await KeyedApiAsync("keyed-quota", "prod");
        var key = await _admin.SendAsync(HttpMethod.Post, "/apikeys", new { name = "metered", enabled = true });
        var keyId = key.GetProperty("id").GetString()!;
        var value = key.GetProperty("value").GetString()!;
        var plan = await _admin.SendAsync(HttpMethod.Post, "/usageplans", new
        {
            name = "metered",
            apiStages = new[] { new { apiId, stage = "prod" } },
            quota = new { limit = Limit, period = "DAY" },
        });
        var planId = plan.GetProperty("id").GetString()!;
        await _admin.SendAsync(HttpMethod.Post, $"/usageplans/{planId}/keys", new { keyId, keyType = "API_KEY" });

        var url = $"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod/pets";
        // One edge: every lease comes from the quota grain, which never grants past the limit.
        var statuses = new List<HttpStatusCode>();
        string exceeded = "";
        for (var i = 0; i < Limit + 3; i++)
        {
            var (status, body) = await SendAsync(url, value);
            statuses.Add(status);
            if (status == HttpStatusCode.TooManyRequests)
            {
                exceeded = body;
            }
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, Limit).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)), statuses);
        Assert.Equal("""{"message":"Limit Exceeded"}""", exceeded);

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var usage = await _admin.SendAsync(HttpMethod.Get, $"/usageplans/{planId}/usage?startDate={today}&endDate={today}", new { });
        var day = usage.GetProperty("values").GetProperty(keyId)[0];
        Assert.Equal(Limit, day[0].GetInt64());
        Assert.Equal(0, day[1].GetInt64());

        // update-usage: 2 more remaining today, then the quota is exhausted again.
        await _admin.SendAsync(HttpMethod.Patch, $"/usageplans/{planId}/keys/{keyId}/usage",
            new { patchOperations = new[] { new { op = "replace", path = "/remaining", value = "2" } } });
        var (granted, _) = await WaitForStatusAsync(url, value, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, granted);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(url, value)).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(url, value)).Status);
    }

    [Fact]
    public async Task QuotaOffset_FromCli_TakesOffsetFromTodaysAllowance_ThenLimitExceeded()
    {
        var apiId = await KeyedApiAsync("keyed-offset", "prod");
        var key = await _cli.JsonAsync("create-api-key", "--name", "offset", "--enabled");
        var keyId = key.GetProperty("id").GetString()!;
        var value = key.GetProperty("value").GetString()!;
        var refused = await _cli.ErrorAsync("create-usage-plan", "--name", "too-big", "--quota", "limit=5,offset=5,period=DAY");
        Assert.Contains("BadRequestException", refused);
        Assert.Contains("Invalid quota offset specified", refused);
        var plan = await _cli.JsonAsync("create-usage-plan", "--name", "offset", "--api-stages", $"apiId={apiId},stage=prod",
            "--quota", "limit=5,offset=2,period=DAY");
        var planId = plan.GetProperty("id").GetString()!;
        Assert.Equal("""{"limit":5,"offset":2,"period":"DAY"}""", JsonSerializer.Serialize(plan.GetProperty("quota")));
        await _cli.JsonAsync("create-usage-plan-key", "--usage-plan-id", planId, "--key-id", keyId, "--key-type", "API_KEY");

        var url = $"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod/pets";
        var statuses = new List<HttpStatusCode>();
        var exceeded = "";
        for (var i = 0; i < 5; i++)
        {
            var (status, body) = await SendAsync(url, value);
            statuses.Add(status);
            exceeded = status == HttpStatusCode.TooManyRequests ? body : exceeded;
        }

        // The plan was set today: today is its initial period, so 5 - 2 = 3 are admitted.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("""{"message":"Limit Exceeded"}""", exceeded);

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var usage = await _cli.JsonAsync("get-usage", "--usage-plan-id", planId, "--start-date", today, "--end-date", today);
        var day = usage.GetProperty("items").GetProperty(keyId)[0];
        Assert.Equal((3, 0), (day[0].GetInt64(), day[1].GetInt64()));
    }

    // GET /pets with apiKeyRequired, a MOCK integration whose response prints the caller's key, deployed to each stage.
    private async Task<string> KeyedApiAsync(string name, params string[] stages)
    {
        var (apiId, rootId) = await _admin.CreateApiAsync(new { name });
        var pets = await _admin.CreateResourceAsync(apiId, rootId, "pets");
        await _admin.MethodAsync(apiId, pets, "GET",
            new { type = "MOCK", requestTemplates = new Dictionary<string, string> { ["application/json"] = """{"statusCode": 200}""" } },
            new
            {
                responseTemplates = new Dictionary<string, string>
                {
                    ["application/json"] = """{"keyId":"$context.identity.apiKeyId","key":"$context.identity.apiKey"}""",
                },
            });
        await _admin.SendAsync(HttpMethod.Patch, $"/restapis/{apiId}/resources/{pets}/methods/GET",
            new { patchOperations = new[] { new { op = "replace", path = "/apiKeyRequired", value = "true" } } });
        foreach (var stage in stages)
        {
            await _admin.DeployAsync(apiId, stage);
        }

        return apiId;
    }

    private async Task AssertForbiddenAsync(string url, string? key)
    {
        var (status, body) = await SendAsync(url, key);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("""{"message":"Forbidden"}""", body);
    }

    private async Task<(HttpStatusCode Status, string Body)> WaitForStatusAsync(string url, string key, HttpStatusCode wanted)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var (status, body) = await SendAsync(url, key);
            if (status == wanted || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                return (status, body);
            }

            await Task.Delay(50);
        }
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(string url, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }

        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
