using OrleansGateway.Authorization;
using OrleansGateway.HttpApis;
using OrleansGateway.Routing;

namespace OrleansGateway.Core.Tests.Authorization;

public sealed class RouteAuthorizerCompilationTests
{
    [Fact]
    public void DeployedRoute_CarriesItsAuthorizerAndScopes()
    {
        var runtime = Stages.Deployed([("GET /secure", "i1"), ("GET /open", "i1")], [Stages.HttpProxy("i1", "http://backend")]);
        var snapshot = runtime.Deployment! with
        {
            Routes =
            [
                runtime.Deployment!.Routes[0] with { AuthorizationType = "JWT", AuthorizerId = "au1", AuthorizationScopes = ["read", "write"] },
                runtime.Deployment.Routes[1],
            ],
            Authorizers =
            [
                new AuthorizerDefinition
                {
                    AuthorizerId = "au1",
                    Name = "jwt",
                    AuthorizerType = "JWT",
                    IdentitySource = ["$request.header.X-Token"],
                    JwtConfiguration = new JwtConfiguration { Issuer = "https://issuer.example", Audience = ["api"] },
                },
            ],
        };

        var table = StageRoutingTable.Create(runtime with { Deployment = snapshot }, TimeSpan.FromSeconds(30));

        Assert.True(table.TryMatch("GET", "/secure".AsMemory(), out var secure));
        Assert.Equal("JWT", secure.Route.AuthorizationType);
        Assert.Equal("au1", secure.Route.Authorizer?.AuthorizerId);
        Assert.Equal("X-Token", secure.Route.Authorizer?.TokenSource?.Name);
        Assert.Equal(["read", "write"], secure.Route.AuthorizationScopes);
        Assert.True(table.TryMatch("GET", "/open".AsMemory(), out var open));
        Assert.Equal("NONE", open.Route.AuthorizationType);
        Assert.Null(open.Route.Authorizer);
        Assert.Empty(open.Route.AuthorizationScopes);
    }

    [Theory]
    [InlineData(null, "Authorization")]
    [InlineData("$request.header.X-Token", "X-Token")]
    [InlineData("$request.querystring.token", "token")]
    [InlineData("$request.headers.X-Token", null)]
    [InlineData("method.request.header.Authorization", null)]
    [InlineData("$context.identity.sourceIp", null)]
    public void TokenSource_IsTheOneHeaderOrQueryString_NeverAFallbackForAnUnusableOne(string? identitySource, string? expected)
    {
        var authorizer = CompiledAuthorizer.Compile(new AuthorizerDefinition
        {
            AuthorizerId = "au1",
            Name = "jwt",
            AuthorizerType = "JWT",
            IdentitySource = identitySource is null ? null : [identitySource],
            JwtConfiguration = new JwtConfiguration { Issuer = "https://issuer.example", Audience = ["api"] },
        });

        Assert.Equal(expected, authorizer.TokenSource?.Name);
    }
}
