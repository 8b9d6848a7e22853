namespace OrleansGateway.Edge.DataPlane.Authorizers;

/// <summary>The <c>Gateway:Authorizers</c> configuration section: how JWT authorizers reach their issuers.</summary>
public sealed class AuthorizerOptions
{
    public const string Section = "Gateway:Authorizers";

    /// <summary>How long an issuer's signing keys are trusted before they are fetched again (AWS: up to two hours).</summary>
    public TimeSpan JwtKeysLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// The least time between two fetches of one issuer's keys caused by a token whose <c>kid</c> is
    /// unknown, so tokens with made-up key IDs cannot turn the edge into a load generator for the issuer.
    /// </summary>
    public TimeSpan JwtKeysRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one request for an issuer's discovery document or key set.</summary>
    public TimeSpan JwtMetadataTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Tolerance for <c>exp</c>, <c>nbf</c> and <c>iat</c>; AWS compares them with the current time as they are.</summary>
    public TimeSpan JwtClockSkew { get; set; } = TimeSpan.Zero;
}
