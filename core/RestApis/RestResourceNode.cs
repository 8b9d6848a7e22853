namespace OrleansGateway.RestApis;

/// <summary>
/// One path part of a deployed REST API's resource tree: literal children by path part, at most
/// one <c>{param}</c> child and one greedy <c>{proxy+}</c> child, and the methods declared on the
/// resource. Built while the stage table compiles, read-only afterwards.
/// </summary>
internal sealed class RestResourceNode
{
    private readonly Dictionary<string, RestResourceNode> _literals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RestMethodEntry> _methods = new(StringComparer.Ordinal);

    public RestResourceNode? Parameter { get; private set; }

    public RestResourceNode? Greedy { get; private set; }

    /// <summary>The variable name of a <c>{param}</c> or <c>{proxy+}</c> node.</summary>
    public string? VariableName { get; private init; }

    public RestResourceNode Add(string pathPart)
    {
        if (pathPart.Length > 2 && pathPart[0] == '{' && pathPart[^1] == '}')
        {
            var name = pathPart[1..^1];
            return name.EndsWith('+')
                ? Greedy ??= new RestResourceNode { VariableName = name[..^1] }
                : Parameter ??= new RestResourceNode { VariableName = name };
        }

        if (!_literals.TryGetValue(pathPart, out var child))
        {
            child = new RestResourceNode();
            _literals[pathPart] = child;
        }

        return child;
    }

    public void AddMethod(RestMethodEntry method) => _methods.TryAdd(method.HttpMethod, method);

    public RestResourceNode? Literal(string segment) => _literals.GetValueOrDefault(segment);

    /// <summary>The method's own declaration on this resource, else its <c>ANY</c> method.</summary>
    public RestMethodEntry? MethodFor(string httpMethod) =>
        _methods.GetValueOrDefault(httpMethod) ?? _methods.GetValueOrDefault(RestMethodEntry.AnyMethod);
}
