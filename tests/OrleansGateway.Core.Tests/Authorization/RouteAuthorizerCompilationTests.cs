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

    [Fact]
    public void RoutesTheEdgeCannotAuthorize_AreCompileFaults_NamedOnce()
    {
        var runtime = Stages.Deployed([("GET /iam", "i1"), ("GET /lambda", "i1"), ("GET /gone", "i1"), ("GET /bad-source", "i1"), ("GET /ok", "i1")],
            [Stages.HttpProxy("i1", "http://backend")]);
        var routes = runtime.Deployment!.Routes;
        var snapshot = runtime.Deployment with
        {
            Routes =
            [
                routes[0] with { AuthorizationType = "AWS_IAM" },
                routes[1] with { AuthorizationType = "CUSTOM", AuthorizerId = "lambda" },
                routes[2] with { AuthorizationType = "JWT", AuthorizerId = "missing" },
                routes[3] with { AuthorizationType = "JWT", AuthorizerId = "context" },
                routes[4] with { AuthorizationType = "JWT", AuthorizerId = "jwt" },
            ],
            Authorizers =
            [
                new AuthorizerDefinition { AuthorizerId = "lambda", Name = "l", AuthorizerType = "REQUEST", IdentitySource = ["$request.header.X-Key"] },
                new AuthorizerDefinition { AuthorizerId = "context", Name = "c", AuthorizerType = "JWT", IdentitySource = ["$context.identity.sourceIp"] },
                new AuthorizerDefinition { AuthorizerId = "jwt", Name = "j", AuthorizerType = "JWT", JwtConfiguration = new JwtConfiguration { Issuer = "https://issuer.example" } },
            ],
        };

        var table = StageRoutingTable.Create(runtime with { Deployment = snapshot }, TimeSpan.FromSeconds(30));

        Assert.Equal(
            [
                "route r0 (GET /iam): AWS_IAM authorization is not evaluated by the edge; requests are refused with 403",
                "route r1 (GET /lambda): Lambda authorizer lambda cannot be invoked by the edge; requests with its identity sources are answered 500",
                "route r2 (GET /gone): JWT authorization needs an authorizer of that type in the deployment; requests are answered 500",
                "route r3 (GET /bad-source): JWT authorizer context names an identity source that is not a header or query string; requests are answered 500",
            ],
            table.Faults);
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
