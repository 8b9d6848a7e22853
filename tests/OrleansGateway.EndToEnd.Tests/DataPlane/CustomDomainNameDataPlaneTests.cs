using System.Diagnostics;
using System.Net;
using OrleansGateway.EndToEnd.Tests.ControlPlane;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.DataPlane;

/// <summary>
/// Requests whose Host is a custom domain name, routed by its API mappings as AWS does for HTTP
/// APIs ("Map API stages to a custom domain name for HTTP APIs"): the longest matching mapping key
/// picks the API and stage, and the key is removed from the path the API sees.
/// </summary>
public sealed class CustomDomainNameDataPlaneTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>, IDisposable
{
    private static readonly TimeSpan PropagationLimit = TimeSpan.FromSeconds(10);

    private readonly HttpApiCli _cli = new(fixture.Edge);
    private readonly ApiGatewayV2Cli _aws = new(fixture.Edge.AdminUrl);
    private readonly HostRequests _hosts = new(fixture.Edge.DataUrl);

    private string BackendUrl => fixture.Backend.Url;

    public void Dispose() => _hosts.Dispose();

    [Fact]
    public async Task CustomDomainName_RoutesByTheLongestApiMappingKey_AndStripsIt()
    {
        const string domain = "api.example.test";
        var rootApi = await _cli.QuickCreateAsync(BackendUrl + "/root");
        var ordersApi = await _cli.CreateApiAsync();
        var integration = await _cli.CreateIntegrationAsync(ordersApi, BackendUrl + "/orders-api/{proxy}",
            "--request-parameters", """{"overwrite:header.x-domain":"$context.domainName","overwrite:header.x-prefix":"$context.domainPrefix"}""");
        await _cli.CreateRouteAsync(ordersApi, "ANY /{proxy+}", integration);
        await _cli.CreateStageAsync(ordersApi, "prod");
        await _cli.DeployAsync(ordersApi, "prod");
        await _aws.JsonAsync("create-domain-name", "--domain-name", domain);
        await _aws.JsonAsync("create-api-mapping", "--domain-name", domain, "--api-mapping-key", "", "--api-id", rootApi, "--stage", "$default");
        await _aws.JsonAsync("create-api-mapping", "--domain-name", domain, "--api-mapping-key", "v2/orders", "--api-id", ordersApi, "--stage", "prod");

        // The named stage is the mapping's: no stage segment in the URL, none at the backend.
        using var orders = await _hosts.WaitForStatusAsync(domain, "/v2/orders/items/7?q=1", HttpStatusCode.OK);
        var echoed = await EchoedRequest.ReadAsync(orders);
        Assert.Equal(("/orders-api/items/7", "?q=1"), (echoed.Path, echoed.RawQuery));
        Assert.Equal((domain, domain, "api"), (echoed.Header("x-forwarded-host"), echoed.Header("x-domain"), echoed.Header("x-prefix")));
        Assert.Equal(new Uri(BackendUrl).Authority, echoed.Header("host"));

        // Host matching ignores the port and case; keys match whole path segments only.
        Assert.Equal("/orders-api/items/8", await PathAtBackendAsync("API.Example.TEST:1234", "/v2/orders/items/8"));
        Assert.Equal("/root/v2/ordersX/1", await PathAtBackendAsync(domain, "/v2/ordersX/1"));
        Assert.Equal("/root/v2/other", await PathAtBackendAsync(domain, "/v2/other"));
        Assert.Equal("/root/hello", await PathAtBackendAsync(domain, "/hello"));

        // The API's own invoke URL still works beside the domain name.
        using var direct = await _hosts.Http.GetAsync($"{fixture.Edge.DataUrl}/_aws/execute-api/{ordersApi}/prod/items/9");
        Assert.Equal("/orders-api/items/9", (await EchoedRequest.ReadAsync(direct)).Path);
    }

    [Fact]
    public async Task PathWithoutMapping_AndUnknownHost_Answer404()
    {
        const string domain = "keyed.example.test";
        var apiId = await _cli.QuickCreateAsync(BackendUrl + "/keyed");
        await _aws.JsonAsync("create-domain-name", "--domain-name", domain);
        await _aws.JsonAsync("create-api-mapping", "--domain-name", domain, "--api-mapping-key", "v1", "--api-id", apiId, "--stage", "$default");
        using var mapped = await _hosts.WaitForStatusAsync(domain, "/v1/a", HttpStatusCode.OK);
        Assert.Equal("/keyed/a", (await EchoedRequest.ReadAsync(mapped)).Path);

        foreach (var (host, path) in new[] { (domain, "/v2/a"), (domain, "/"), (domain, "/v1x"), ("nobody.example.test", "/v1/a") })
        {
            using var response = await _hosts.SendAsync(host, path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{host}{path}: {response.StatusCode}");
            Assert.Equal("""{"message":"Not Found"}""", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task DeletedApiMappingAndDomainName_StopRoutingWithinSeconds()
    {
        const string domain = "shortlived.example.test";
        var apiId = await _cli.QuickCreateAsync(BackendUrl + "/short");
        await _aws.JsonAsync("create-domain-name", "--domain-name", domain);
        var shop = (await _aws.JsonAsync("create-api-mapping", "--domain-name", domain, "--api-mapping-key", "shop", "--api-id", apiId, "--stage", "$default"))
            .GetProperty("ApiMappingId").GetString()!;
        await _aws.JsonAsync("create-api-mapping", "--domain-name", domain, "--api-mapping-key", "", "--api-id", apiId, "--stage", "$default");
        using (var warm = await _hosts.WaitForStatusAsync(domain, "/shop/cart", HttpStatusCode.OK))
        {
            Assert.Equal("/short/cart", (await EchoedRequest.ReadAsync(warm)).Path);
        }

        // Without its mapping, /shop/... falls to the root mapping, which sees the whole path.
        await _aws.OkAsync("delete-api-mapping", "--domain-name", domain, "--api-mapping-id", shop);
        await WaitForPathAsync(domain, "/shop/cart", "/short/shop/cart");

        await _aws.OkAsync("delete-domain-name", "--domain-name", domain);
        using var gone = await _hosts.WaitForStatusAsync(domain, "/shop/cart", HttpStatusCode.NotFound);
        Assert.Equal("""{"message":"Not Found"}""", await gone.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DisabledExecuteApiEndpoint_IsStillServedThroughItsDomainName()
    {
        const string domain = "private.example.test";
        var apiId = await _cli.QuickCreateAsync(BackendUrl + "/private", "--disable-execute-api-endpoint");
        await _aws.JsonAsync("create-domain-name", "--domain-name", domain);
        await _aws.JsonAsync("create-api-mapping", "--domain-name", domain, "--api-id", apiId, "--stage", "$default");

        using var served = await _hosts.WaitForStatusAsync(domain, "/inside", HttpStatusCode.OK);
        Assert.Equal("/private/inside", (await EchoedRequest.ReadAsync(served)).Path);

        using var byHost = await _hosts.SendAsync($"{apiId}.execute-api.localhost", "/inside");
        Assert.Equal(HttpStatusCode.Forbidden, byHost.StatusCode);
        using var byPath = await _hosts.Http.GetAsync($"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/inside");
        Assert.Equal(HttpStatusCode.Forbidden, byPath.StatusCode);
    }

    private async Task<string> PathAtBackendAsync(string host, string path)
    {
        using var response = await _hosts.SendAsync(host, path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{host}{path}: {response.StatusCode}");
        return (await EchoedRequest.ReadAsync(response)).Path;
    }

    private async Task WaitForPathAsync(string host, string path, string backendPath)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var seen = await PathAtBackendAsync(host, path);
            if (seen == backendPath)
            {
                return;
            }

            Assert.True(clock.Elapsed < PropagationLimit, $"{host}{path} still reaches {seen}, not {backendPath}, after {clock.Elapsed}");
            await Task.Delay(200);
        }
    }
}
