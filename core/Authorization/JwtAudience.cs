namespace OrleansGateway.Authorization;

/// <summary>
/// AWS's audience rule for JWT authorizers: the token's <c>aud</c> must hold one of the configured
/// audiences; only when it has no <c>aud</c> is <c>client_id</c> (access tokens such as Cognito's) compared instead.
/// </summary>
public static class JwtAudience
{
    public static bool Matches(IReadOnlyCollection<string> configured, IReadOnlyCollection<string> aud, string? clientId)
    {
        if (aud.Count > 0)
        {
            return aud.Any(a => configured.Contains(a, StringComparer.Ordinal));
        }

        return clientId is not null && configured.Contains(clientId, StringComparer.Ordinal);
    }
}
