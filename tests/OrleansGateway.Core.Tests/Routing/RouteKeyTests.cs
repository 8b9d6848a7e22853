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
    public void MalformedKeys_AreRefused(string text) => Assert.False(RouteKey.TryParse(text, out _));
}
