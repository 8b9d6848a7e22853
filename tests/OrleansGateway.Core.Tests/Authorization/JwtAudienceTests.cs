using OrleansGateway.Authorization;

namespace OrleansGateway.Core.Tests.Authorization;

public sealed class JwtAudienceTests
{
    [Fact]
    public void AudClaim_MustHoldOneConfiguredAudience()
    {
        Assert.True(JwtAudience.Matches(["api", "other"], ["x", "api"], null));
        Assert.False(JwtAudience.Matches(["api"], ["x"], null));
    }

    [Fact]
    public void WithoutAud_ClientIdIsCompared()
    {
        Assert.True(JwtAudience.Matches(["client-1"], [], "client-1"));
        Assert.False(JwtAudience.Matches(["client-1"], [], "client-2"));
        Assert.False(JwtAudience.Matches(["client-1"], [], null));
    }

    [Fact]
    public void WithAud_ClientIdIsIgnored()
    {
        // "When both aud and client_id are present, API Gateway evaluates aud."
        Assert.False(JwtAudience.Matches(["client-1"], ["someone-else"], "client-1"));
    }
}
