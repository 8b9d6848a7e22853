namespace OrleansGateway.DomainNames;

/// <summary>apigateway's (v1) names for API mapping keys, which it calls base paths.</summary>
public static class BasePaths
{
    /// <summary>How v1 writes the empty base path (the domain name's root), on the wire and in its URIs.</summary>
    public const string None = "(none)";

    /// <summary>
    /// The API mapping key a v1 base path stands for: <c>(none)</c> and empty are the root. A v1
    /// stage reads the same way: <c>(none)</c> or empty, callers name the stage after the base path.
    /// </summary>
    public static string ToKey(string? basePath) => basePath is null or None ? string.Empty : basePath;

    /// <summary>The base path v1 shows for an API mapping key.</summary>
    public static string FromKey(string? apiMappingKey) => string.IsNullOrEmpty(apiMappingKey) ? None : apiMappingKey;
}
