namespace OrleansGateway.Edge.ControlPlane;

/// <summary>
/// Matches a request to an operation by method and URI template (<c>/v2/apis/{apiId}</c>), as the
/// service model's <c>http.requestUri</c> reads. Literal segments compare exactly. A template's
/// query literal (<c>/restapis?mode=import</c>) is a required query parameter with that value, and
/// of two operations that both match, the one with more such literals wins, so ImportRestApi is
/// told from CreateRestApi. A request nothing matches is answered 404 by the caller.
/// </summary>
public sealed class WireRouter
{
    private readonly List<Operation> _operations = [];

    public void Map(string method, string uriTemplate, WireHandler handler)
    {
        var (path, query) = uriTemplate.Split('?', 2) is [var p, var q] ? (p, q) : (uriTemplate, string.Empty);
        var literals = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2) is [var name, var value] ? (name, value) : (pair, string.Empty))
            .ToArray();
        _operations.Add(new Operation(method, path.Trim('/').Split('/'), literals, handler));
    }

    /// <summary>The operation for the request and its URI parameters; null when none matches.</summary>
    public (WireHandler Handler, Dictionary<string, string> UriParameters)? Match(HttpRequest request)
    {
        var segments = (request.Path.Value ?? string.Empty).Trim('/').Split('/');
        (Operation Operation, Dictionary<string, string> Parameters)? best = null;
        foreach (var operation in _operations)
        {
            if (operation.Method == request.Method
                && (best is null || operation.QueryLiterals.Length > best.Value.Operation.QueryLiterals.Length)
                && HasQueryLiterals(operation, request.Query)
                && TryBind(operation.Segments, segments, out var parameters))
            {
                best = (operation, parameters);
            }
        }

        return best is var (match, uriParameters) ? (match.Handler, uriParameters) : null;
    }

    private static bool HasQueryLiterals(Operation operation, IQueryCollection query)
    {
        foreach (var (name, value) in operation.QueryLiterals)
        {
            if (!query.TryGetValue(name, out var actual) || actual.ToString() != value)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryBind(string[] template, string[] segments, out Dictionary<string, string> parameters)
    {
        parameters = [];
        if (template.Length != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] is ['{', .. var name, '}'])
            {
                if (segments[i].Length == 0)
                {
                    return false;
                }

                parameters[name] = Uri.UnescapeDataString(segments[i]);
            }
            else if (template[i] != segments[i])
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Operation(string Method, string[] Segments, (string Name, string Value)[] QueryLiterals, WireHandler Handler);
}
