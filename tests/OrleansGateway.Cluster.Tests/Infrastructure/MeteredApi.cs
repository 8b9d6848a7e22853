using System.Globalization;
using System.Net;
using OrleansGateway.EndToEnd.Tests.RestApis;

namespace OrleansGateway.Cluster.Tests.Infrastructure;

/// <summary>
/// A REST API whose GET /metered requires an API key, and one key in a usage plan with a daily
/// quota for its prod stage: for calling through any edge and reading the key's usage back.
/// </summary>
internal sealed class MeteredApi : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(15) };

    private MeteredApi(string apiId, string planId, string keyId, string keyValue)
    {
        ApiId = apiId;
        PlanId = planId;
        KeyId = keyId;
        KeyValue = keyValue;
    }

    public string ApiId { get; }

    public string PlanId { get; }

    public string KeyId { get; }

    public string KeyValue { get; }

    public static async Task<MeteredApi> CreateAsync(RestAdmin admin, int dailyLimit)
    {
        var (apiId, rootId) = await admin.CreateApiAsync(new { name = "metered" });
        var resource = await admin.CreateResourceAsync(apiId, rootId, "metered");
        await admin.MethodAsync(apiId, resource, "GET",
            new { type = "MOCK", requestTemplates = new Dictionary<string, string> { ["application/json"] = """{"statusCode": 200}""" } },
            new { responseTemplates = new Dictionary<string, string> { ["application/json"] = """{"ok":true}""" } });
        await admin.SendAsync(HttpMethod.Patch, $"/restapis/{apiId}/resources/{resource}/methods/GET",
            new { patchOperations = new[] { new { op = "replace", path = "/apiKeyRequired", value = "true" } } });
        await admin.DeployAsync(apiId, "prod");

        var key = await admin.SendAsync(HttpMethod.Post, "/apikeys", new { name = "metered", enabled = true });
        var keyId = key.GetProperty("id").GetString()!;
        var plan = await admin.SendAsync(HttpMethod.Post, "/usageplans", new
        {
            name = "metered",
            apiStages = new[] { new { apiId, stage = "prod" } },
            quota = new { limit = dailyLimit, period = "DAY" },
        });
        var planId = plan.GetProperty("id").GetString()!;
        await admin.SendAsync(HttpMethod.Post, $"/usageplans/{planId}/keys", new { keyId, keyType = "API_KEY" });
        return new MeteredApi(apiId, planId, keyId, key.GetProperty("value").GetString()!);
    }

    /// <summary>One call with the key through the edge at <paramref name="dataUrl"/>; a failed exchange answers status 0.</summary>
    public async Task<(HttpStatusCode Status, string Body)> CallAsync(string dataUrl)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{dataUrl}/_aws/execute-api/{ApiId}/prod/metered");
        request.Headers.Add("x-api-key", KeyValue);
        try
        {
            using var response = await _http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, e.Message);
        }
    }

    /// <summary>Calls through <paramref name="dataUrl"/> until it admits one call, exactly one (a key table not yet loaded answers 403), within 15 s.</summary>
    public async Task WaitAdmittedAsync(string dataUrl)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var (status, body) = await CallAsync(dataUrl);
            if (status == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{dataUrl} still answers {status} {body}");
            await Task.Delay(100);
        }
    }

    /// <summary>get-usage's <c>[used, remaining]</c> for today.</summary>
    public async Task<(long Used, long Remaining)> UsageTodayAsync(RestAdmin admin)
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var usage = await admin.SendAsync(HttpMethod.Get, $"/usageplans/{PlanId}/usage?startDate={today}&endDate={today}", new { });
        var day = usage.GetProperty("values").GetProperty(KeyId)[0];
        return (day[0].GetInt64(), day[1].GetInt64());
    }

    public void Dispose() => _http.Dispose();
}
