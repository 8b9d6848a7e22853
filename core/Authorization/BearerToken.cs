namespace OrleansGateway.Authorization;

/// <summary>The token in an identity source value, which AWS accepts bare or after <c>Bearer </c>.</summary>
public static class BearerToken
{
    private const string Scheme = "Bearer";

    /// <summary>The token without its <c>Bearer </c> prefix (any case) and surrounding blanks; empty when there is none.</summary>
    public static string Extract(string? value)
    {
        var text = value.AsSpan().Trim();
        if (text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && (text.Length == Scheme.Length || text[Scheme.Length] == ' '))
        {
            text = text[Scheme.Length..].TrimStart();
        }

        return text.ToString();
    }
}
