namespace OrleansGateway.Edge.ControlPlane;

/// <summary>
/// Matches a request to an operation by method and URI template (<c>/v2/apis/{apiId}</c>), as the
/// service model's <c>http.requestUri</c> reads. Literal segments compare exactly; a request
/// nothing matches is answered 404 by the caller.
/// </summary>
public sealed class WireRouter
{
    private readonly List<Operation> _operations = [];

    public void Map(string method, string uriTemplate, WireHandler handler) =>
        _operations.Add(new Operation(method, uriTemplate.Trim('/').Split('/'), handler));

    /// <summary>The operation for the request and its URI parameters; null when none matches.</summary>
    public (WireHandler Handler, Dictionary<string, string> UriParameters)? Match(HttpRequest request)
    {
        var segments = (request.Path.Value ?? string.Empty).Trim('/').Split('/');
        foreach (var operation in _operations)
        {
            if (operation.Method == request.Method && TryBind(operation.Segments, segments, out var parameters))
            {
                return (operation.Handler, parameters);
            }
        }

        return null;
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

    private sealed record Operation(string Method, string[] Segments, WireHandler Handler);
}
