using OrleansGateway.Cors;
using OrleansGateway.HttpApis;

namespace OrleansGateway.Core.Tests.Cors;

public sealed class HttpApiCorsPolicyTests
{
    [Fact]
    public void NoConfiguration_NoPolicy() => Assert.Null(HttpApiCorsPolicy.Create(null));

    [Fact]
    public void ListedOrigin_IsEchoed()
    {
        var policy = HttpApiCorsPolicy.Create(new CorsConfiguration { AllowOrigins = ["https://a.example", "https://b.example"] })!;
        Assert.Equal("https://b.example", policy.AllowOriginFor("https://b.example"));
        Assert.Equal("HTTPS://A.example", policy.AllowOriginFor("HTTPS://A.example"));
        Assert.Null(policy.AllowOriginFor("https://c.example"));
        Assert.Null(policy.AllowOriginFor(null));
    }

    [Fact]
    public void WildcardOrigin_AllowsEveryOriginWithStar()
    {
        var policy = HttpApiCorsPolicy.Create(new CorsConfiguration { AllowOrigins = ["*"] })!;
        Assert.Equal("*", policy.AllowOriginFor("https://anything.example"));
    }

    [Fact]
    public void HeaderValues_AreJoinedFromTheConfiguration()
    {
        var policy = HttpApiCorsPolicy.Create(new CorsConfiguration
        {
            AllowOrigins = ["https://a.example"],
            AllowMethods = ["GET", "POST"],
            AllowHeaders = ["content-type", "x-api-key"],
            ExposeHeaders = ["x-total"],
            MaxAge = 300,
            AllowCredentials = true,
        })!;
        Assert.Equal("GET,POST", policy.AllowMethods);
        Assert.Equal("content-type,x-api-key", policy.AllowHeaders);
        Assert.Equal("x-total", policy.ExposeHeaders);
        Assert.Equal("300", policy.MaxAge);
        Assert.True(policy.AllowCredentials);
    }

    [Fact]
    public void EmptyConfiguration_SendsNoOptionalHeaders()
    {
        var policy = HttpApiCorsPolicy.Create(new CorsConfiguration())!;
        Assert.Null(policy.AllowMethods);
        Assert.Null(policy.AllowHeaders);
        Assert.Null(policy.ExposeHeaders);
        Assert.Null(policy.MaxAge);
        Assert.False(policy.AllowCredentials);
        Assert.Null(policy.AllowOriginFor("https://a.example"));
    }

    [Theory]
    [InlineData("OPTIONS", "https://a.example", "POST", true)]
    [InlineData("options", "https://a.example", "POST", true)]
    [InlineData("OPTIONS", null, "POST", false)]
    [InlineData("OPTIONS", "https://a.example", null, false)]
    [InlineData("POST", "https://a.example", "POST", false)]
    public void Preflight_IsOptionsWithOriginAndRequestMethod(string method, string? origin, string? requestMethod, bool expected) =>
        Assert.Equal(expected, HttpApiCorsPolicy.IsPreflight(method, origin, requestMethod));
}
