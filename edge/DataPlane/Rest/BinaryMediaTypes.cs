namespace OrleansGateway.Edge.DataPlane.Rest;

/// <summary>An API's <c>binaryMediaTypes</c> (<c>image/png</c>, <c>image/*</c>, <c>*/*</c>) against a Content-Type or Accept value.</summary>
public static class BinaryMediaTypes
{
    public static bool Matches(IReadOnlyList<string> binaryMediaTypes, string? mediaType)
    {
        if (binaryMediaTypes.Count == 0 || string.IsNullOrEmpty(mediaType))
        {
            return false;
        }

        var type = mediaType.Split(';', 2)[0].Trim();
        foreach (var candidate in binaryMediaTypes)
        {
            // The wire escapes the slash as ~1 inside patch paths; the stored value is plain.
            var pattern = candidate.Replace("~1", "/", StringComparison.Ordinal);
            if (pattern == "*/*" || string.Equals(pattern, type, StringComparison.OrdinalIgnoreCase)
                || (pattern.EndsWith("/*", StringComparison.Ordinal) && type.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
