using OrleansGateway.Authorization;

namespace OrleansGateway.Core.Tests.Authorization;

public sealed class BearerTokenTests
{
    [Theory]
    [InlineData("Bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("BEARER   abc.def.ghi ", "abc.def.ghi")]
    [InlineData("abc.def.ghi", "abc.def.ghi")]
    [InlineData("  abc.def.ghi", "abc.def.ghi")]
    [InlineData("Bearer ", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void TokenIsTakenBareOrAfterBearer(string? value, string expected)
    {
        Assert.Equal(expected, BearerToken.Extract(value));
    }

    [Fact]
    public void OtherSchemes_AreLeftAsTheyAre_SoTheyFailAsTokens()
    {
        Assert.Equal("Basic dXNlcjpwYXNz", BearerToken.Extract("Basic dXNlcjpwYXNz"));
    }
}
