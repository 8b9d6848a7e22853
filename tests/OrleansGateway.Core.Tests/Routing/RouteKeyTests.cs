using OrleansGateway.Routing;

namespace OrleansGateway.Core.Tests.Routing;

public sealed class RouteKeyTests
{
    [Fact]
    public void DefaultRouteKey_HasNoMethodOrSegments()
    {
        Assert.True(RouteKey.TryParse("$default", out var key));
        Assert.True(key.IsDefault);
        Assert.Empty(key.Segments);
    }

    [Fact]
    public void PathWithVariables_IsTakenApart()
    {
        Assert.True(RouteKey.TryParse("GET /pets/{petId}/toys/{proxy+}", out var key));
        Assert.Equal("GET", key.Method);
        Assert.Equal(
            [
                new RouteSegment(RouteSegmentKind.Literal, "pets"),
                new RouteSegment(RouteSegmentKind.Parameter, "petId"),
                new RouteSegment(RouteSegmentKind.Literal, "toys"),
                new RouteSegment(RouteSegmentKind.Greedy, "proxy"),
            ],
            key.Segments);
    }

    [Fact]
    public void RootPath_HasNoSegments()
    {
        Assert.True(RouteKey.TryParse("ANY /", out var key));
        Assert.Equal("ANY", key.Method);
        Assert.Empty(key.Segments);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GET")]
    [InlineData("GET pets")]
    [InlineData("get /pets")]
    [InlineData("GET /{proxy+}/more")]
    [InlineData("GET /pets//toys")]
    [InlineData("GET /pets/{}")]
    [InlineData("GET /pets/a{id}")]
    [InlineData("$Default")]
    [InlineData("FETCH /pets")]
    [InlineData("GET /pets/")]
    [InlineData("GET /pets/{id}/toys/{id}")]
    [InlineData("GET /{a}/{a+}")]
    [InlineData("GET /pets/{id++}")]
    [InlineData("GET /pets/{+}")]
    [InlineData("GET /pets~")]
    [InlineData("GET /pets /toys")]
    public void MalformedKeys_AreRefused(string text) => Assert.False(RouteKey.TryParse(text, out _));

    [Theory]
    [InlineData("GET /{p+}/x", "Invalid route key: GET /{p+}/x. A greedy path variable such as {p+} must be the last part of the path.")]
    [InlineData("GET /a/{id}/b/{id}", "Invalid route key: GET /a/{id}/b/{id}. The path variable {id} appears more than once.")]
    [InlineData("FETCH /a", "Invalid HTTP method specified in route key FETCH /a: FETCH. Must be one of [ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT]")]
    [InlineData("GET /a//b", @"One or more path parts appear to be invalid. Parts are validated against this regular expression: ^(\{[\w.:-]+\+?\}|[a-zA-Z0-9.:_-]+)$")]
    [InlineData("GET /e{id}", @"One or more path parts appear to be invalid. Parts are validated against this regular expression: ^(\{[\w.:-]+\+?\}|[a-zA-Z0-9.:_-]+)$")]
    [InlineData("GET pets", "Invalid route key: GET pets. A route key is '$default' or an HTTP method and a path starting with '/', such as 'GET /pets'.")]
    public void RefusedKeys_SayWhyInAwsWords(string text, string message)
    {
        Assert.False(RouteKey.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void PathsDeeperThanTheTableMatches_AreRefused()
    {
        var deep = "GET " + string.Concat(Enumerable.Repeat("/a", StageRoutingTable.MaxSegments + 1));
        Assert.False(RouteKey.TryParse(deep, out _));
        Assert.True(RouteKey.TryParse("GET " + string.Concat(Enumerable.Repeat("/a", StageRoutingTable.MaxSegments)), out _));
    }

    [Fact]
    public void AwsPathCharacters_AreAccepted()
    {
        Assert.True(RouteKey.TryParse("GET /v1.2/a_b:c-d/{item.id:x}/{rest_of-it+}", out var key));
        Assert.Equal("GET /v1.2/a_b:c-d/{}/{+}", key.Shape);
    }

    [Fact]
    public void KeysDifferingOnlyInVariableNames_HaveOneShape()
    {
        Assert.True(RouteKey.TryParse("GET /pets/{id}", out var id));
        Assert.True(RouteKey.TryParse("GET /pets/{name}", out var name));
        Assert.True(RouteKey.TryParse("POST /pets/{name}", out var post));
        Assert.Equal(id.Shape, name.Shape);
        Assert.NotEqual(id.Shape, post.Shape);
    }
}
