namespace OrleansGateway.Authorization;

/// <summary>
/// A route's <c>authorizationScopes</c> against a token's <c>scope</c> or <c>scp</c> claim: AWS lets the
/// request through when the token holds at least one of the route's scopes.
/// </summary>
public static class AuthorizationScopes
{
    /// <summary>
    /// True when <paramref name="required"/> is empty or one of <paramref name="granted"/> is in it.
    /// Each granted value may itself be a space-separated list (OAuth 2.0's <c>scope</c> form).
    /// </summary>
    public static bool AnyGranted(IReadOnlyCollection<string> required, IEnumerable<string?> granted)
    {
        if (required.Count == 0)
        {
            return true;
        }

        foreach (var value in granted)
        {
            if (value is null)
            {
                continue;
            }

            foreach (var scope in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (required.Contains(scope, StringComparer.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
