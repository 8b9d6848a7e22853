namespace OrleansGateway.Mapping.Parameters;

/// <summary>
/// The right-hand side of a <c>requestParameters</c> / <c>responseParameters</c> entry, parsed once:
/// <c>method.request.{path|querystring|multivaluequerystring|header|multivalueheader}.N</c>,
/// <c>method.request.body[.jsonpath]</c>, <c>integration.response.{header|multivalueheader}.N</c>,
/// <c>integration.response.body[.jsonpath]</c>, <c>stageVariables.N</c>, <c>context.a.b</c> or
/// <c>'literal'</c>. For bodies, <see cref="Name"/> holds the JSONPath (<c>$.a.b</c>) or is empty.
/// </summary>
public sealed record ParameterSource(ParameterSourceKind Kind, string Name)
{
    public bool ReadsMethodRequest => Kind is >= ParameterSourceKind.MethodRequestPath and <= ParameterSourceKind.MethodRequestBody;

    public bool ReadsIntegrationResponse => Kind >= ParameterSourceKind.IntegrationResponseHeader;

    public static ParameterSource Parse(string expression)
    {
        if (expression.Length >= 2 && expression[0] == '\'' && expression[^1] == '\'')
        {
            return new(ParameterSourceKind.Literal, expression[1..^1]);
        }

        if (TryStrip(expression, "stageVariables.", out var stageVariable))
        {
            return new(ParameterSourceKind.StageVariable, stageVariable);
        }

        if (TryStrip(expression, "context.", out var contextPath))
        {
            return new(ParameterSourceKind.Context, contextPath);
        }

        if (Body(expression, "method.request.body", ParameterSourceKind.MethodRequestBody) is { } requestBody)
        {
            return requestBody;
        }

        if (Body(expression, "integration.response.body", ParameterSourceKind.IntegrationResponseBody) is { } responseBody)
        {
            return responseBody;
        }

        var parts = expression.Split('.', 4);
        ParameterSourceKind? kind = parts.Length == 4 && parts[3].Length > 0 ? (parts[0], parts[1], parts[2]) switch
        {
            ("method", "request", "path") => ParameterSourceKind.MethodRequestPath,
            ("method", "request", "querystring") => ParameterSourceKind.MethodRequestQueryString,
            ("method", "request", "multivaluequerystring") => ParameterSourceKind.MethodRequestMultiValueQueryString,
            ("method", "request", "header") => ParameterSourceKind.MethodRequestHeader,
            ("method", "request", "multivalueheader") => ParameterSourceKind.MethodRequestMultiValueHeader,
            ("integration", "response", "header") => ParameterSourceKind.IntegrationResponseHeader,
            ("integration", "response", "multivalueheader") => ParameterSourceKind.IntegrationResponseMultiValueHeader,
            _ => null,
        } : null;

        return kind is { } known
            ? new(known, parts[3])
            : throw new FormatException($"Invalid mapping expression specified: {expression}");
    }

    private static ParameterSource? Body(string expression, string prefix, ParameterSourceKind kind)
    {
        if (expression == prefix)
        {
            return new(kind, string.Empty);
        }

        return TryStrip(expression, prefix + ".", out var path) && path.Length > 0 ? new(kind, "$." + path) : null;
    }

    private static bool TryStrip(string expression, string prefix, out string rest)
    {
        var matches = expression.StartsWith(prefix, StringComparison.Ordinal) && expression.Length > prefix.Length;
        rest = matches ? expression[prefix.Length..] : string.Empty;
        return matches;
    }
}
