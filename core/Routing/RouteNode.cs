using System.Collections.Frozen;

namespace OrleansGateway.Routing;

/// <summary>
/// One level of a stage's route tree: literal children by segment text, one child for any
/// <c>{param}</c>, one for a greedy <c>{proxy+}</c>, and the routes that end here by method.
/// Built mutable, then frozen so lookups by span need no allocation.
/// </summary>
internal sealed class RouteNode
{
    private Dictionary<string, RouteNode>? _building = [];
    private FrozenDictionary<string, RouteNode>.AlternateLookup<ReadOnlySpan<char>> _literals;
    private (string Method, CompiledRoute Route)[] _methods = [];

    public RouteNode? Parameter { get; private set; }

    public RouteNode? Greedy { get; private set; }

    public CompiledRoute? AnyMethod { get; private set; }

    public RouteNode GetOrAddLiteral(string text)
    {
        var children = _building!;
        if (!children.TryGetValue(text, out var child))
        {
            child = new RouteNode();
            children[text] = child;
        }

        return child;
    }

    public RouteNode GetOrAddParameter() => Parameter ??= new RouteNode();

    public RouteNode GetOrAddGreedy() => Greedy ??= new RouteNode();

    /// <summary>Adds a route ending here; a second route with the same method keeps the first and returns it.</summary>
    public CompiledRoute? AddRoute(string method, CompiledRoute route)
    {
        if (method == RouteKey.AnyMethod)
        {
            if (AnyMethod is { } any)
            {
                return any;
            }

            AnyMethod = route;
            return null;
        }

        foreach (var existing in _methods)
        {
            if (existing.Method == method)
            {
                return existing.Route;
            }
        }

        _methods = [.. _methods, (method, route)];
        return null;
    }

    public void Freeze()
    {
        var children = _building!;
        _building = null;
        _literals = children.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var child in children.Values)
        {
            child.Freeze();
        }

        Parameter?.Freeze();
        Greedy?.Freeze();
    }

    public RouteNode? Literal(ReadOnlySpan<char> segment) =>
        _literals.TryGetValue(segment, out var child) ? child : null;

    /// <summary>The route for <paramref name="method"/> ending here: the method's own, else <c>ANY</c>.</summary>
    public CompiledRoute? RouteFor(ReadOnlySpan<char> method)
    {
        foreach (var (candidate, route) in _methods)
        {
            if (method.SequenceEqual(candidate))
            {
                return route;
            }
        }

        return AnyMethod;
    }
}
