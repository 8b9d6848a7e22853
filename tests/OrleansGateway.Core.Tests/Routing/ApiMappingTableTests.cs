using OrleansGateway.DomainNames;
using OrleansGateway.Routing;

namespace OrleansGateway.Core.Tests.Routing;

public sealed class ApiMappingTableTests
{
    // The example in AWS's "Map API stages to a custom domain name for HTTP APIs".
    private static readonly ApiMappingTable Table = ApiMappingTable.Create(new Dictionary<string, List<ApiMappingDefinition>>
    {
        ["api.example.com"] =
        [
            Mapping("api1", null),
            Mapping("api2", "orders"),
            Mapping("api3", "orders/v1/items"),
            Mapping("api4", "orders/v2/items"),
            Mapping("api5", "orders/v2/items/categories"),
        ],
        ["*.example.org"] = [Mapping("wild", "")],
        ["exact.example.org"] = [Mapping("exact", "only")],
        ["unmapped.example.com"] = [],
    });

    [Theory]
    [InlineData("unmapped.example.com", true, 0)]
    [InlineData("Exact.Example.org:443", true, 1)]
    [InlineData("deep.example.org", true, 1)]
    [InlineData("nobody.example.net", false, 0)]
    public void DomainNamesMappings_AreFoundByHost_WhicheverPathIsAsked(string host, bool found, int count)
    {
        Assert.Equal(found, Table.TryGetMappings(host, out var mappings));
        Assert.Equal(count, mappings.Count);
    }

    [Theory]
    [InlineData("/orders", "api2", "/")]
    [InlineData("/orders/v1/items", "api3", "/")]
    [InlineData("/orders/v2/items", "api4", "/")]
    [InlineData("/orders/v1/items/123", "api3", "/123")]
    [InlineData("/orders/v2/items/categories/5", "api5", "/5")]
    [InlineData("/customers", "api1", "/customers")]
    [InlineData("/ordersX/1", "api1", "/ordersX/1")]
    [InlineData("/orders/v3/items", "api2", "/v3/items")]
    [InlineData("/orders/", "api2", "/")]
    [InlineData("/", "api1", "/")]
    public void LongestMappingKey_Wins_AndItsSegmentsAreRemoved(string path, string apiId, string routePath)
    {
        Assert.True(Table.TryMatch("api.example.com", path, out var mapping, out var rest));
        Assert.Equal(apiId, mapping.ApiId);
        Assert.Equal(routePath, rest.ToString());
    }

    [Theory]
    [InlineData("API.Example.COM:8080")]
    [InlineData("api.example.com.")]
    [InlineData("api.example.com.:443")]
    public void HostName_IsMatchedWithoutPortOrCase(string host)
    {
        Assert.True(Table.TryMatch(host, "/orders/1", out var mapping, out var rest));
        Assert.Equal(("api2", "/1"), (mapping.ApiId, rest.ToString()));
    }

    [Theory]
    [InlineData("other.example.com", "/orders")]
    [InlineData("unmapped.example.com", "/")]
    [InlineData("exact.example.org", "/other")]
    [InlineData("example.org", "/")]
    [InlineData("[::1]:8080", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void NoDomainNameOrNoMapping_DoesNotMatch(string? host, string path) =>
        Assert.False(Table.TryMatch(host, path, out _, out _));

    [Theory]
    [InlineData("a.example.org", "wild")]
    [InlineData("a.b.example.org", "wild")]
    public void WildcardDomainName_CoversNamesBelowIt(string host, string apiId)
    {
        Assert.True(Table.TryMatch(host, "/x", out var mapping, out _));
        Assert.Equal(apiId, mapping.ApiId);
    }

    [Fact]
    public void ExactDomainName_BeatsAWildcard()
    {
        Assert.True(Table.TryMatch("exact.example.org", "/only/x", out var mapping, out var rest));
        Assert.Equal(("exact", "/x"), (mapping.ApiId, rest.ToString()));
    }

    [Fact]
    public void EmptyTable_MatchesNothing() =>
        Assert.False(ApiMappingTable.Empty.TryMatch("api.example.com", "/", out _, out _));

    private static ApiMappingDefinition Mapping(string apiId, string? key) =>
        new() { ApiMappingId = "m" + apiId, ApiId = apiId, Stage = "prod", ApiMappingKey = key };
}
