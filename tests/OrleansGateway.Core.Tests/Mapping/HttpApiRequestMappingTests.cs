using OrleansGateway.Mapping.HttpApi;

namespace OrleansGateway.Core.Tests.Mapping;

public sealed class HttpApiRequestMappingTests
{
    private static readonly DictionarySource Request = new()
    {
        Headers = new(StringComparer.OrdinalIgnoreCase) { ["x-client"] = "web", ["x-secret"] = "s" },
        Query = QueryParameters.Parse("?page=2&debug=1"),
        Path = "/orders/42",
        PathParameters = new() { ["id"] = "42" },
        Context = new() { ["requestId"] = "r-9" },
    };

    [Fact]
    public void HeaderMappings_AppendOverwriteAndRemove()
    {
        var mapping = HttpApiRequestMapping.Compile(new Dictionary<string, string>
        {
            ["append:header.x-client"] = "api",
            ["overwrite:header.x-request-id"] = "$context.requestId",
            ["remove:header.x-secret"] = "''",
            ["append:header.x-order"] = "order-${request.path.id}",
        }, null);
        var headers = new RecordedHeaders();
        headers.Append("x-client", "web");
        headers.Append("x-secret", "s");

        mapping.ApplyHeaders(Request, headers);

        Assert.Equal(["web", "api"], headers.Values["x-client"]);
        Assert.Equal(["r-9"], headers.Values["x-request-id"]);
        Assert.Equal(["order-42"], headers.Values["x-order"]);
        Assert.False(headers.Values.ContainsKey("x-secret"));
    }

    [Fact]
    public void QueryStringMappings_AppendOverwriteAndRemove()
    {
        var mapping = HttpApiRequestMapping.Compile(new Dictionary<string, string>
        {
            ["overwrite:querystring.page"] = "1",
            ["remove:querystring.debug"] = "",
            ["append:querystring.client"] = "$request.header.x-client",
        }, null);
        var query = QueryParameters.Parse("?page=2&debug=1");

        mapping.ApplyQuery(Request, query);

        Assert.Equal("?page=1&client=web", query.ToQueryString());
    }

    [Fact]
    public void PathMapping_IsEvaluatedAgainstTheRequest()
    {
        var mapping = HttpApiRequestMapping.Compile(new Dictionary<string, string> { ["overwrite:path"] = "/v2${request.path}" }, null);
        Assert.Equal("/v2/orders/42", mapping.Path!.Evaluate(Request));
    }

    [Fact]
    public void ReservedHeadersAndUnknownKeys_AreNotMapped()
    {
        var mapping = HttpApiRequestMapping.Compile(new Dictionary<string, string>
        {
            ["overwrite:header.Host"] = "evil",
            ["overwrite:header.x-amzn-trace-id"] = "x",
            ["overwrite:header.Content-Length"] = "1",
            ["overwrite:header.access-control-allow-origin"] = "*",
            ["append:path"] = "/x",
            ["rename:header.a"] = "b",
            ["integration.request.header.x"] = "'y'",
        }, null);
        var headers = new RecordedHeaders();
        mapping.ApplyHeaders(Request, headers);
        Assert.Equal(["Host"], headers.Values.Keys);
        Assert.Null(mapping.Path);
    }

    [Fact]
    public void NoParameters_CompileToEmpty()
    {
        Assert.True(HttpApiRequestMapping.Compile(null, null).IsEmpty);
        Assert.True(HttpApiRequestMapping.Compile(new Dictionary<string, string>(), null).IsEmpty);
    }
}
