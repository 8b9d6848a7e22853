using OrleansGateway.JsonPath;
using OrleansGateway.Vtl.Values;

namespace OrleansGateway.Vtl.ApiGateway;

/// <summary>
/// <c>$input</c>: the payload and the request parameters. The body is parsed as JSON at most once per
/// render, and only when a template asks for <c>json()</c> or <c>path()</c>.
/// </summary>
internal sealed class InputVariable(VtlRenderContext context) : IVtlHostObject
{
    private bool _parsed;
    private object? _root;
    private IDictionary<string, object?>? _allParams;

    public bool TryGetProperty(string name, out object? value)
    {
        value = name == "body" ? Body() : null;
        return name == "body";
    }

    public bool TryInvoke(string name, ReadOnlySpan<object?> arguments, out object? result)
    {
        result = null;
        switch (name, arguments.Length)
        {
            case ("json", 1):
                result = Json(PathArgument(arguments[0]));
                return true;
            case ("path", 1):
                result = Path(PathArgument(arguments[0]));
                return true;
            case ("params", 0):
                result = AllParams();
                return true;
            case ("params", 1):
                result = Param(arguments[0] is null ? null : JavaFormatter.ToJavaString(arguments[0]));
                return true;
            case ("getBody", 0):
                result = Body();
                return true;
            default:
                return false;
        }
    }

    public string ToJavaString() => "$input";

    /// <summary>API Gateway gives <c>{}</c> for an empty payload.</summary>
    private string Body() => string.IsNullOrEmpty(context.Body) ? "{}" : context.Body;

    private static string PathArgument(object? argument) =>
        argument is null ? "$" : JavaFormatter.ToJavaString(argument);

    private object? Root()
    {
        if (!_parsed)
        {
            _root = string.IsNullOrWhiteSpace(context.Body) ? null : JsonValues.Parse(context.Body);
            _parsed = true;
        }

        return _root;
    }

    /// <summary>
    /// Jayway semantics: a definite path gives the value itself (null when absent), any other path the list
    /// of matches. JSON arrays are json-smart JSONArrays, whose text is JSON (see <see cref="JsonList"/>).
    /// </summary>
    private object? Path(string path) => Select(path, out _);

    private object? Select(string path, out bool found, bool emptyBodyIsObject = false)
    {
        var expression = Compile(path);
        var root = Root();
        if (root is null && emptyBodyIsObject && string.IsNullOrEmpty(context.Body))
        {
            root = new JsonMap();
        }

        var matches = expression.Select<JavaValueTree, object?>(root, static size => size);
        if (expression.IsDefinite)
        {
            found = matches.Count > 0;
            return found ? matches[0] : null;
        }

        // Jayway collects the matches of an indefinite path in a json-smart JSONArray.
        found = true;
        return new JsonList(matches);
    }

    /// <summary>
    /// The selection as JSON text; a path that matches nothing gives <c>""</c>, as API Gateway does. An empty
    /// payload reads as <c>{}</c> here, as it does for <c>$input.body</c>: a GET without a body reaches Lambda
    /// through <c>"body": $input.json("$")</c> as <c>"body":{}</c>.
    /// </summary>
    private string Json(string path)
    {
        var value = Select(path, out var found, emptyBodyIsObject: true);
        return found ? JsonValues.Serialize(value) : "\"\"";
    }

    private static JsonPathExpression Compile(string path)
    {
        try
        {
            return JsonPathExpression.ParseCached(path);
        }
        catch (JsonPathException e)
        {
            throw new VtlRenderException(e.Message, e);
        }
    }

    private IDictionary<string, object?> AllParams() =>
        _allParams ??= new JsonMap
        {
            ["path"] = JsonValues.ToMap(context.PathParameters),
            ["querystring"] = JsonValues.ToMap(context.QueryString),
            ["header"] = JsonValues.ToMap(context.Headers),
        };

    /// <summary>Path parameters first, then the query string, then headers (by any case); "" when absent.</summary>
    private string Param(string? name)
    {
        if (name is null)
        {
            return "";
        }

        if (context.PathParameters.TryGetValue(name, out var value) || context.QueryString.TryGetValue(name, out value)
            || context.Headers.TryGetValue(name, out value))
        {
            return value;
        }

        foreach (var (header, headerValue) in context.Headers)
        {
            if (string.Equals(header, name, StringComparison.OrdinalIgnoreCase))
            {
                return headerValue;
            }
        }

        return "";
    }
}
