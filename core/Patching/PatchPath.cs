namespace OrleansGateway.Patching;

/// <summary>
/// An apigateway <c>patchOperations</c> path (<c>/requestTemplates/application~1json</c>): JSON-pointer
/// segments where <c>~1</c> stands for a slash inside a segment and <c>~0</c> for a tilde.
/// </summary>
public static class PatchPath
{
    /// <summary>The path's segments, unescaped; <c>/</c> alone has none.</summary>
    public static string[] Segments(string path) =>
        path.Length == 0 || path == "/"
            ? []
            : path.TrimStart('/').Split('/').Select(Unescape).ToArray();

    /// <summary>One segment as it was meant: <c>~1</c> → <c>/</c>, then <c>~0</c> → <c>~</c> (in that order, as RFC 6901 says).</summary>
    public static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    /// <summary>A value written as one segment: <c>~</c> → <c>~0</c>, <c>/</c> → <c>~1</c>.</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
