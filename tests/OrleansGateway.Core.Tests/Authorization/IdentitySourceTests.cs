using OrleansGateway.Authorization;

namespace OrleansGateway.Core.Tests.Authorization;

public sealed class IdentitySourceTests
{
    [Theory]
    [InlineData("$request.header.Authorization", IdentitySourceKind.Header, "Authorization")]
    [InlineData(" $request.header.X-Token ", IdentitySourceKind.Header, "X-Token")]
    [InlineData("$request.querystring.token", IdentitySourceKind.QueryString, "token")]
    [InlineData("$context.routeKey", IdentitySourceKind.Context, "routeKey")]
    [InlineData("$stageVariables.secret", IdentitySourceKind.StageVariable, "secret")]
    public void SelectionExpression_ParsesToKindAndName(string expression, IdentitySourceKind kind, string name)
    {
        Assert.True(IdentitySource.TryParse(expression, out var source));
        Assert.Equal(new IdentitySource(kind, name), source);
        Assert.Equal(expression.Trim(), source.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Authorization")]
    [InlineData("$request.header.")]
    [InlineData("$request.body.token")]
    [InlineData("method.request.header.Authorization")]
    public void NotAnIdentitySource_IsRefused(string? expression)
    {
        Assert.False(IdentitySource.TryParse(expression, out _));
    }

    [Fact]
    public void JwtAuthorizerWithoutIdentitySource_ReadsTheAuthorizationHeader()
    {
        var authorizer = CompiledAuthorizer.Compile(new HttpApis.AuthorizerDefinition { AuthorizerId = "a", Name = "n", AuthorizerType = "JWT" });

        Assert.Equal(new IdentitySource(IdentitySourceKind.Header, "Authorization"), authorizer.TokenSource);
        Assert.True(authorizer.IsJwt);
    }

    [Fact]
    public void JwtAuthorizer_ReadsItsConfiguredIdentitySource()
    {
        var authorizer = CompiledAuthorizer.Compile(new HttpApis.AuthorizerDefinition
        {
            AuthorizerId = "a",
            Name = "n",
            AuthorizerType = "JWT",
            IdentitySource = ["$request.querystring.access_token"],
            JwtConfiguration = new HttpApis.JwtConfiguration { Issuer = "https://issuer.example", Audience = ["x", "y"] },
        });

        Assert.Equal(new IdentitySource(IdentitySourceKind.QueryString, "access_token"), authorizer.TokenSource);
        Assert.Equal("https://issuer.example", authorizer.Issuer);
        Assert.Equal(["x", "y"], authorizer.Audiences);
    }
}
