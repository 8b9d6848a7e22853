using System.Collections.Frozen;
using OrleansGateway.DomainNames;

namespace OrleansGateway.Routing;

/// <summary>
/// Every custom domain name's API mappings, as the data plane reads them. The Host picks the
/// domain name (port ignored, case-insensitive; a <c>*.</c> wildcard name covers the names below
/// it that have none of their own); then the mapping whose key is the longest path-segment prefix
/// of the request path wins, the empty key catching the rest (AWS, "Map API stages to a custom
/// domain name for HTTP APIs"). Built once per change, read without allocating.
/// </summary>
public sealed class ApiMappingTable
{
    private const string WildcardLabel = "*.";

    private readonly FrozenDictionary<string, ApiMappingDefinition[]>.AlternateLookup<ReadOnlySpan<char>> _exact;
    private readonly FrozenDictionary<string, ApiMappingDefinition[]>.AlternateLookup<ReadOnlySpan<char>> _wildcard;

    private ApiMappingTable(FrozenDictionary<string, ApiMappingDefinition[]> exact, FrozenDictionary<string, ApiMappingDefinition[]> wildcard)
    {
        _exact = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcard = wildcard.GetAlternateLookup<ReadOnlySpan<char>>();
        DomainNameCount = exact.Count + wildcard.Count;
    }

    public static ApiMappingTable Empty { get; } = Create(new Dictionary<string, List<ApiMappingDefinition>>());

    public int DomainNameCount { get; }

    /// <summary>Builds the table from each domain name's mappings, as the registry keeps them.</summary>
    public static ApiMappingTable Create(IReadOnlyDictionary<string, List<ApiMappingDefinition>> mappingsByDomainName)
    {
        var exact = new Dictionary<string, ApiMappingDefinition[]>(StringComparer.OrdinalIgnoreCase);
        var wildcard = new Dictionary<string, ApiMappingDefinition[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (domainName, mappings) in mappingsByDomainName)
        {
            // Longest key first, so the first key that matches is the longest that does.
            var ordered = mappings
                .Select(m => m with { ApiMappingKey = Key(m) })
                .OrderByDescending(m => m.ApiMappingKey!.Length)
                .ToArray();
            var name = domainName.TrimEnd('.');
            if (name.StartsWith(WildcardLabel, StringComparison.Ordinal))
            {
                wildcard[name[WildcardLabel.Length..]] = ordered;
            }
            else
            {
                exact[name] = ordered;
            }
        }

        return new ApiMappingTable(
            exact.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            wildcard.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The mapping serving <paramref name="path"/> (decoded, starting with <c>/</c>) on
    /// <paramref name="host"/> (the Host header, port allowed), and the path the API's routes see:
    /// the mapping key's segments removed, <c>/</c> when nothing is left.
    /// </summary>
    public bool TryMatch(string? host, string? path, out ApiMappingDefinition mapping, out ReadOnlyMemory<char> routePath)
    {
        mapping = null!;
        routePath = default;
        if (DomainNameCount == 0 || FindDomainName(HostName(host)) is not { } mappings)
        {
            return false;
        }

        path = string.IsNullOrEmpty(path) ? "/" : path;
        foreach (var candidate in mappings)
        {
            var key = candidate.ApiMappingKey!;
            if (key.Length == 0)
            {
                mapping = candidate;
                routePath = path.AsMemory();
                return true;
            }

            // "/v2/orders" and "/v2/orders/..." fall under the key "v2/orders"; "/v2/ordersX" does not.
            var end = 1 + key.Length;
            if (path.Length >= end && path.AsSpan(1, key.Length).SequenceEqual(key) && (path.Length == end || path[end] == '/'))
            {
                mapping = candidate;
                routePath = path.Length == end ? "/".AsMemory() : path.AsMemory(end);
                return true;
            }
        }

        return false;
    }

    /// <summary>The mappings of the domain name <paramref name="host"/> names (port allowed); false when it names none.</summary>
    public bool TryGetMappings(string? host, out IReadOnlyList<ApiMappingDefinition> mappings)
    {
        var found = DomainNameCount == 0 ? null : FindDomainName(HostName(host));
        mappings = found ?? [];
        return found is not null;
    }

    private ApiMappingDefinition[]? FindDomainName(ReadOnlySpan<char> hostName)
    {
        if (hostName.IsEmpty)
        {
            return null;
        }

        if (_exact.TryGetValue(hostName, out var mappings))
        {
            return mappings;
        }

        // The closest wildcard wins: "a.b.example.test" tries "*.b.example.test", then "*.example.test".
        for (var dot = hostName.IndexOf('.'); dot > 0; dot = hostName.IndexOf('.'))
        {
            hostName = hostName[(dot + 1)..];
            if (_wildcard.TryGetValue(hostName, out mappings))
            {
                return mappings;
            }
        }

        return null;
    }

    // "api.example.test:8080" → "api.example.test"; a fully qualified "api.example.test." too.
    private static ReadOnlySpan<char> HostName(string? host)
    {
        var name = host.AsSpan();
        if (name.StartsWith('['))
        {
            // An IPv6 literal is never a domain name.
            return [];
        }

        var colon = name.IndexOf(':');
        if (colon >= 0)
        {
            name = name[..colon];
        }

        return name.EndsWith('.') ? name[..^1] : name;
    }

    private static string Key(ApiMappingDefinition mapping) => (mapping.ApiMappingKey ?? string.Empty).Trim('/');
}
