using System.Net;
using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.RestApis;

namespace OrleansGateway.EndToEnd.Tests.Caching;

/// <summary>
/// The REST stage response cache on the real edge: a counting backend behind HTTP integrations shows
/// whether each client request reached the integration or was answered from the cache.
/// </summary>
public sealed class RestResponseCacheTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>, IAsyncLifetime
{
    private readonly RestAdmin _admin = new(fixture.Edge.AdminUrl);
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private CountingBackend _backend = null!;

    public async ValueTask InitializeAsync() => _backend = await CountingBackend.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _backend.DisposeAsync();
        _http.Dispose();
        _admin.Dispose();
    }

    [Fact]
    public async Task CachedGet_MissThenHit_CallsTheBackendOnce_UntilTheTtlEnds()
    {
        var (api, path) = await CachedApiAsync("GET", stageCache: true, [Op("/*/*/caching/enabled", "true"), Op("/*/*/caching/ttlInSeconds", "2")]);

        Assert.Equal(1, await NAsync(api, "/items"));
        Assert.Equal(1, await NAsync(api, "/items"));
        Assert.Equal(1, _backend.Calls(path));

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(2, await NAsync(api, "/items"));
        Assert.Equal(2, _backend.Calls(path));
    }

    [Fact]
    public async Task CacheKeyParameters_DistinguishEntries_OtherParametersDoNot()
    {
        var (api, path) = await CachedApiAsync("GET", stageCache: true, [], ["method.request.querystring.page"]);

        Assert.Equal(1, await NAsync(api, "/items?page=1"));
        Assert.Equal(1, await NAsync(api, "/items?page=1&other=x"));
        Assert.Equal(2, await NAsync(api, "/items?page=2"));
        Assert.Equal(1, await NAsync(api, "/items?page=1"));
        Assert.Equal(2, _backend.Calls(path));
    }

    [Fact]
    public async Task Post_IsNotCachedByDefault_AndAStageWithoutCacheClusterNeverCaches()
    {
        var (postApi, postPath) = await CachedApiAsync("POST", stageCache: true, []);
        Assert.Equal(1, await NAsync(postApi, "/items", HttpMethod.Post));
        Assert.Equal(2, await NAsync(postApi, "/items", HttpMethod.Post));

        var (getApi, getPath) = await CachedApiAsync("GET", stageCache: false, [Op("/*/*/caching/enabled", "true")]);
        Assert.Equal(1, await NAsync(getApi, "/items"));
        Assert.Equal(2, await NAsync(getApi, "/items"));
        Assert.Equal(2, _backend.Calls(postPath));
        Assert.Equal(2, _backend.Calls(getPath));
    }

    [Fact]
    public async Task ResponsesLargerThan1MB_AreNotCached()
    {
        var (api, path) = await CachedApiAsync("GET", stageCache: true, [], backendPrefix: "/big/");

        Assert.Equal(1, await NAsync(api, "/items"));
        Assert.Equal(2, await NAsync(api, "/items"));
        Assert.Equal(2, _backend.Calls(path));
    }

    [Fact]
    public async Task CacheControlMaxAge0_FollowsRequireAuthorizationAndTheUnauthorizedStrategy()
    {
        var (api, path) = await CachedApiAsync("GET", stageCache: true, [Op("/*/*/caching/enabled", "true"), Op("/*/*/caching/requireAuthorizationForCacheControl", "false")]);
        Assert.Equal(1, await NAsync(api, "/items"));
        Assert.Equal(2, await NAsync(api, "/items", noCache: true));
        Assert.Equal(2, await NAsync(api, "/items"));

        await PatchStageAsync(api, [Op("/*/*/caching/requireAuthorizationForCacheControl", "true"), Op("/*/*/caching/unauthorizedCacheControlHeaderStrategy", "FAIL_WITH_403")]);
        var (status, _, body) = await SendAsync(api, "/items", HttpMethod.Get, noCache: true);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("is not authorized to perform: execute-api:InvalidateCache", body);

        await PatchStageAsync(api, [Op("/*/*/caching/unauthorizedCacheControlHeaderStrategy", "SUCCEED_WITH_RESPONSE_HEADER")]);
        var first = await NAsync(api, "/items");
        var (_, headers, warned) = await SendAsync(api, "/items", HttpMethod.Get, noCache: true);
        Assert.Equal(first, N(warned));
        Assert.True(headers.ContainsKey("Warning"));

        await PatchStageAsync(api, [Op("/*/*/caching/unauthorizedCacheControlHeaderStrategy", "SUCCEED_WITHOUT_RESPONSE_HEADER")]);
        var second = await NAsync(api, "/items");
        var (_, quietHeaders, quiet) = await SendAsync(api, "/items", HttpMethod.Get, noCache: true);
        Assert.Equal(second, N(quiet));
        Assert.False(quietHeaders.ContainsKey("Warning"));
        Assert.Equal(second, _backend.Calls(path));
    }

    [Fact]
    public async Task FlushStageCache_WithTheAwsCli_MakesTheNextRequestAMiss()
    {
        var (api, path) = await CachedApiAsync("GET", stageCache: true, []);
        Assert.Equal(1, await NAsync(api, "/items"));
        Assert.Equal(1, await NAsync(api, "/items"));

        var flushed = await AwsCli.RunAsync(fixture.Edge.AdminUrl, ["apigateway", "flush-stage-cache", "--rest-api-id", api, "--stage-name", "prod"]);
        Assert.Equal(0, flushed.ExitCode);

        Assert.Equal(2, await WaitForNAsync(api, 2));
        Assert.Equal(2, await NAsync(api, "/items"));
        Assert.Equal(2, _backend.Calls(path));
    }

    private static object Op(string path, string value) => new { op = "replace", path, value };

    private async Task<(string ApiId, string BackendPath)> CachedApiAsync(
        string httpMethod, bool stageCache, object[] operations, string[]? cacheKeyParameters = null, string backendPrefix = "/count/")
    {
        var backendPath = backendPrefix + Guid.NewGuid().ToString("N");
        var (api, root) = await _admin.CreateApiAsync(new { name = "cache-test" });
        var items = await _admin.CreateResourceAsync(api, root, "items");
        await _admin.MethodAsync(api, items, httpMethod,
            new { type = "HTTP", httpMethod = "GET", uri = _backend.Url + backendPath, cacheKeyParameters = cacheKeyParameters ?? [] },
            new { });
        await _admin.DeployAsync(api, "prod");
        await PatchStageAsync(api, [.. stageCache ? [Op("/cacheClusterEnabled", "true")] : Array.Empty<object>(), .. operations]);
        return (api, backendPath);
    }

    private async Task PatchStageAsync(string api, object[] operations)
    {
        await _admin.SendAsync(HttpMethod.Patch, $"/restapis/{api}/stages/prod", new { patchOperations = operations });

        // The stage's push reaches the edge's table cache right after the write; give it that moment.
        await Task.Delay(300);
    }

    // Bounded: the flush's push reaches the edge well within a second.
    private async Task<int> WaitForNAsync(string api, int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        int n;
        do
        {
            n = await NAsync(api, "/items");
        }
        while (n != expected && DateTime.UtcNow < deadline);
        return n;
    }

    private async Task<int> NAsync(string api, string path, HttpMethod? method = null, bool noCache = false)
    {
        var (status, _, body) = await SendAsync(api, path, method ?? HttpMethod.Get, noCache);
        Assert.True(status == HttpStatusCode.OK, $"{(int)status} {body[..Math.Min(body.Length, 300)]}");
        return N(body);
    }

    private static int N(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("n").GetInt32();
    }

    private async Task<(HttpStatusCode Status, Dictionary<string, string> Headers, string Body)> SendAsync(string api, string path, HttpMethod method, bool noCache)
    {
        using var request = new HttpRequestMessage(method, $"{fixture.Edge.DataUrl}/_aws/execute-api/{api}/prod{path}");
        if (noCache)
        {
            request.Headers.TryAddWithoutValidation("Cache-Control", "max-age=0");
        }

        using var response = await _http.SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return (response.StatusCode, headers, await response.Content.ReadAsStringAsync());
    }
}
