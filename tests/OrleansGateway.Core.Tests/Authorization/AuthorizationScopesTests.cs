using OrleansGateway.Authorization;

namespace OrleansGateway.Core.Tests.Authorization;

public sealed class AuthorizationScopesTests
{
    [Fact]
    public void RouteWithoutScopes_NeedsNone()
    {
        Assert.True(AuthorizationScopes.AnyGranted([], []));
    }

    [Theory]
    [InlineData("read", true)]
    [InlineData("openid read profile", true)]
    [InlineData("profile write", true)]
    [InlineData("profile", false)]
    [InlineData("READ", false)]
    [InlineData("readwrite", false)]
    [InlineData("", false)]
    public void OneOfTheRouteScopes_InTheSpaceSeparatedScopeClaim_Suffices(string scope, bool granted)
    {
        Assert.Equal(granted, AuthorizationScopes.AnyGranted(["read", "write"], [scope]));
    }

    [Fact]
    public void ScpAsAnArray_CountsEachEntry()
    {
        Assert.True(AuthorizationScopes.AnyGranted(["orders/write"], ["orders/read", "orders/write"]));
        Assert.False(AuthorizationScopes.AnyGranted(["orders/delete"], ["orders/read", "orders/write", null]));
    }

    [Fact]
    public void NoScopeClaim_FailsARouteWithScopes()
    {
        Assert.False(AuthorizationScopes.AnyGranted(["read"], []));
    }
}
