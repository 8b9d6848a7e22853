using System.Collections.Frozen;

namespace OrleansGateway.Routing;

/// <summary>The methods an HTTP API route key or integration may name: AWS's list, with <c>ANY</c>.</summary>
public static class HttpApiMethods
{
    private static readonly FrozenSet<string> Names =
        FrozenSet.Create(StringComparer.Ordinal, "ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    /// <summary>The list as AWS's messages print it.</summary>
    public const string List = "[ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT]";

    public static bool IsValid(string? method) => method is not null && Names.Contains(method);
}
