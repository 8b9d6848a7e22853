namespace OrleansGateway.Authorization;

/// <summary>
/// One entry of an authorizer's <c>identitySource</c>, such as <c>$request.header.Authorization</c>:
/// the request value the authorizer needs before it can decide anything.
/// </summary>
public sealed record IdentitySource(IdentitySourceKind Kind, string Name)
{
    /// <summary>What a JWT authorizer reads when its identity source is not given.</summary>
    public static IdentitySource DefaultJwt { get; } = new(IdentitySourceKind.Header, "Authorization");

    /// <summary>Parses one selection expression; false for anything that is not one of the four forms.</summary>
    public static bool TryParse(string? expression, out IdentitySource source)
    {
        source = DefaultJwt;
        var text = expression?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        (IdentitySourceKind Kind, string Prefix)[] forms =
        [
            (IdentitySourceKind.Header, "$request.header."),
            (IdentitySourceKind.QueryString, "$request.querystring."),
            (IdentitySourceKind.Context, "$context."),
            (IdentitySourceKind.StageVariable, "$stageVariables."),
        ];
        foreach (var (kind, prefix) in forms)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length)
            {
                source = new IdentitySource(kind, text[prefix.Length..]);
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Kind switch
    {
        IdentitySourceKind.Header => "$request.header." + Name,
        IdentitySourceKind.QueryString => "$request.querystring." + Name,
        IdentitySourceKind.Context => "$context." + Name,
        _ => "$stageVariables." + Name,
    };
}
