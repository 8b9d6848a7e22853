using OrleansGateway.Mapping.HttpApi;

namespace OrleansGateway.Core.Tests.Mapping;

public sealed class QueryParametersTests
{
    [Fact]
    public void Parse_DecodesNamesAndValues()
    {
        var query = QueryParameters.Parse("?a=1&b=x%20y&c=+z&flag&a=2");
        Assert.Equal("1,2", query.Get("a"));
        Assert.Equal("x y", query.Get("b"));
        Assert.Equal(" z", query.Get("c"));
        Assert.Equal(string.Empty, query.Get("flag"));
        Assert.Null(query.Get("A"));
    }

    [Fact]
    public void Overwrite_ReplacesEveryValueInPlace()
    {
        var query = QueryParameters.Parse("a=1&b=2&a=3");
        query.Overwrite("a", "9");
        Assert.Equal("?a=9&b=2", query.ToQueryString());
    }

    [Fact]
    public void AppendAndRemove_ChangeTheList()
    {
        var query = QueryParameters.Parse("a=1&b=2");
        query.Append("a", "x y");
        query.Remove("b");
        Assert.Equal("?a=1&a=x%20y", query.ToQueryString());
    }

    [Fact]
    public void EmptyQuery_WritesNothing()
    {
        var query = QueryParameters.Parse("");
        Assert.Equal(0, query.Count);
        Assert.Equal(string.Empty, query.ToQueryString());
    }
}
