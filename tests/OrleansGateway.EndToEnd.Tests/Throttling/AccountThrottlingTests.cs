using System.Net;
using OrleansGateway.EndToEnd.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.RestApis;

namespace OrleansGateway.EndToEnd.Tests.Throttling;

/// <summary>An edge whose account limit is configured low (rate 10, burst 20).</summary>
public sealed class LowAccountLimitEdgeFixture : EmbeddedEdgeFixture
{
    protected override IReadOnlyDictionary<string, string>? Environment => new Dictionary<string, string>
    {
        ["Gateway__Throttling__AccountRateLimit"] = "10",
        ["Gateway__Throttling__AccountBurstLimit"] = "20",
    };
}

/// <summary>The account-level limit from configuration: reported by GetAccount, shared by every API with no limit of its own.</summary>
public sealed class AccountThrottlingTests(LowAccountLimitEdgeFixture fixture) : IClassFixture<LowAccountLimitEdgeFixture>, IAsyncLifetime
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly RestAdmin _admin = new(fixture.Edge.AdminUrl);
    private CountingBackend _backend = null!;

    public async ValueTask InitializeAsync() => _backend = await CountingBackend.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _admin.Dispose();
        await _backend.DisposeAsync();
    }

    [Fact]
    public async Task ConfiguredAccountLimit_IsWhatGetAccountReports_AndWhatTwoApisShare()
    {
        using (var account = await _http.GetAsync($"{fixture.Edge.AdminUrl}/account"))
        {
            var settings = System.Text.Json.JsonDocument.Parse(await account.Content.ReadAsStringAsync()).RootElement.GetProperty("throttleSettings");
            Assert.Equal(20, settings.GetProperty("burstLimit").GetInt32());
            Assert.Equal(10.0, settings.GetProperty("rateLimit").GetDouble());
        }

        var urls = new List<string>();
        foreach (var name in new[] { "one", "two" })
        {
            var api = await _admin.SendAsync(HttpMethod.Post, "/v2/apis", new { name, protocolType = "HTTP", target = $"{_backend.Url}/account-{name}" });
            urls.Add($"{fixture.Edge.DataUrl}/_aws/execute-api/{api.GetProperty("apiId").GetString()}/$default/");
        }

        using (await ThrottleLoad.WaitForStatusAsync(_http, urls[1], HttpStatusCode.OK))
        {
        }

        // Neither API sets a limit: the account's burst is spent by the first, the second finds it empty.
        var first = await ThrottleLoad.RunAsync(_http, urls[0], TimeSpan.FromSeconds(5), maxRequests: 60);
        var second = await ThrottleLoad.RunAsync(_http, urls[1], TimeSpan.FromSeconds(5), maxRequests: 20);
        var total = 1 + first.Admitted + second.Admitted;
        var elapsed = first.Elapsed + second.Elapsed;
        Assert.InRange(total, 20, 22 + (int)(10 * elapsed.TotalSeconds));
        Assert.True(second.Throttled > 10, $"second API: {second}");
    }
}
