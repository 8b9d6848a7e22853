using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace OrleansGateway.JsonPath;

/// <summary>
/// A compiled JSONPath with Jayway JsonPath's syntax and semantics (what API Gateway's
/// <c>$input.path</c> and <c>$input.json</c> use). Parse once, select many times; thread-safe.
/// </summary>
public sealed class JsonPathExpression
{
    private const int MaxCachedPaths = 1024;
    private static readonly ConcurrentDictionary<string, JsonPathExpression> Cache = new(StringComparer.Ordinal);

    private JsonPathExpression(string path, PathSegment[] segments)
    {
        Path = path;
        Segments = segments;
        IsDefinite = Array.TrueForAll(segments, segment => segment.IsDefinite);
    }

    public string Path { get; }

    /// <summary>
    /// True when the path names at most one node (no wildcard, deep scan, filter, slice or list): Jayway then
    /// returns that node itself rather than a list of matches.
    /// </summary>
    public bool IsDefinite { get; }

    internal PathSegment[] Segments { get; }

    /// <exception cref="JsonPathException">The path is malformed.</exception>
    public static JsonPathExpression Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new JsonPathExpression(path, JsonPathParser.Parse(path));
    }

    /// <summary>Parses through a bounded cache, for paths that templates repeat on every render.</summary>
    internal static JsonPathExpression ParseCached(string path)
    {
        if (Cache.TryGetValue(path, out var cached))
        {
            return cached;
        }

        var parsed = Parse(path);
        if (Cache.Count >= MaxCachedPaths)
        {
            Cache.Clear();
        }

        Cache[path] = parsed;
        return parsed;
    }

    /// <summary>The matching nodes in document order (a JSON null is a null entry); empty when nothing matches.</summary>
    public IReadOnlyList<JsonNode?> Select(JsonNode? root)
    {
        var results = new List<JsonNode?>();
        JsonPathEvaluator<JsonNodeTree, JsonNode?>.Select(Segments, root, results, static size => JsonValue.Create(size));
        return results;
    }

    /// <summary>Selects from a tree of any shape that <typeparamref name="TTree"/> describes.</summary>
    internal List<TNode> Select<TTree, TNode>(TNode root, Func<int, TNode> lengthNode)
        where TTree : IJsonTree<TNode>
    {
        var results = new List<TNode>();
        JsonPathEvaluator<TTree, TNode>.Select(Segments, root, results, lengthNode);
        return results;
    }
}
