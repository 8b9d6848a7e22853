namespace OrleansGateway.Edge.DataPlane.Authorizers;

/// <summary>
/// The <c>www-authenticate</c> values of JWT refusals, in the form AWS's HTTP API troubleshooting
/// guide shows: <c>Bearer scope="" error="invalid_token" error_description="the token does not have a valid audience"</c>.
/// </summary>
public static class JwtChallenge
{
    /// <summary>No token at all: nothing was wrong with a token, so no error is named (RFC 6750, section 3.1).</summary>
    public const string Missing = "Bearer";

    public static string InvalidToken(string description) => $"Bearer scope=\"\" error=\"invalid_token\" error_description=\"{description}\"";

    public static string InsufficientScope(IEnumerable<string> required) =>
        $"Bearer scope=\"{string.Join(' ', required)}\" error=\"insufficient_scope\" error_description=\"the token does not have the required scopes\"";
}
