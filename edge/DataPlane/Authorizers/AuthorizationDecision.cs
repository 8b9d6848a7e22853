namespace OrleansGateway.Edge.DataPlane.Authorizers;

/// <summary>What a route's authorization decided: go on (with a JWT's claims), or answer the client now.</summary>
public sealed class AuthorizationDecision
{
    private AuthorizationDecision(GatewayResponse? refusal, string? challenge, AuthorizerClaims? claims)
    {
        Refusal = refusal;
        Challenge = challenge;
        Claims = claims;
    }

    /// <summary>Null when the request may go on.</summary>
    public GatewayResponse? Refusal { get; }

    /// <summary>The <c>www-authenticate</c> value sent with a JWT refusal, or null.</summary>
    public string? Challenge { get; }

    /// <summary>A valid JWT's claims, for <c>$context.authorizer.claims.*</c>.</summary>
    public AuthorizerClaims? Claims { get; }

    public static AuthorizationDecision Allow(AuthorizerClaims? claims) => new(null, null, claims);

    public static AuthorizationDecision Refuse(GatewayResponse response, string? challenge = null) => new(response, challenge, null);
}
