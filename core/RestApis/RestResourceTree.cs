namespace OrleansGateway.RestApis;

/// <summary>
/// A deployed REST API's resources as a tree, matched the way API Gateway matches REST requests: at
/// each level a literal path part before a <c>{param}</c> one before a greedy <c>{proxy+}</c>, and a
/// resource counts only when it declares the request's method or <c>ANY</c> (its own method wins
/// over <c>ANY</c>), so <c>POST /pets</c> still reaches <c>/{proxy+}</c> when <c>/pets</c> only has
/// <c>GET</c>. Path parameters are handed on decoded (<c>%2F</c> too); a greedy one keeps its slashes.
/// </summary>
public sealed class RestResourceTree
{
    /// <summary>Paths deeper than this match nothing, which bounds the backtracking.</summary>
    public const int MaxSegments = 128;

    private readonly RestResourceNode _root = new();

    /// <summary>Adds <paramref name="method"/> on the resource at <paramref name="resourcePath"/> (<c>/pets/{petId}</c>).</summary>
    public void Add(string resourcePath, RestMethodEntry method)
    {
        var node = _root;
        foreach (var part in resourcePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node.Add(part);
        }

        node.AddMethod(method);
    }

    /// <summary>Finds the method for <paramref name="httpMethod"/> on <paramref name="path"/> (below the stage, decoded by the host but for <c>%2F</c>).</summary>
    public RestResourceMatch? Match(string httpMethod, ReadOnlySpan<char> path)
    {
        var segments = new List<string>();
        foreach (var range in path.Split('/'))
        {
            if (!path[range].IsEmpty)
            {
                segments.Add(path[range].ToString());
                if (segments.Count > MaxSegments)
                {
                    return null;
                }
            }
        }

        var captures = new List<KeyValuePair<string, string>>();
        return Walk(_root, segments, 0, httpMethod, captures) is { } method
            ? new RestResourceMatch(method, new Dictionary<string, string>(captures, StringComparer.Ordinal))
            : null;
    }

    private static RestMethodEntry? Walk(RestResourceNode node, List<string> segments, int index, string httpMethod, List<KeyValuePair<string, string>> captures)
    {
        if (index == segments.Count)
        {
            return node.MethodFor(httpMethod);
        }

        var segment = Decode(segments[index]);
        if (node.Literal(segment) is { } literal && Walk(literal, segments, index + 1, httpMethod, captures) is { } found)
        {
            return found;
        }

        if (node.Parameter is { } parameter)
        {
            captures.Add(new(parameter.VariableName!, segment));
            if (Walk(parameter, segments, index + 1, httpMethod, captures) is { } viaParameter)
            {
                return viaParameter;
            }

            captures.RemoveAt(captures.Count - 1);
        }

        if (node.Greedy is { } greedy && greedy.MethodFor(httpMethod) is { } greedyMethod)
        {
            captures.Add(new(greedy.VariableName!, Decode(string.Join('/', segments.Skip(index)))));
            return greedyMethod;
        }

        return null;
    }

    // The host (Kestrel) has decoded every escape but %2F, which it keeps so that path segments stay
    // apart; API Gateway hands parameters on fully decoded, so that one is decoded here.
    private static string Decode(string segment) =>
        segment.Contains('%') ? segment.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase) : segment;
}
