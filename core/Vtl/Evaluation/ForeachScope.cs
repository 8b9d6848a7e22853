using OrleansGateway.Vtl.Values;

namespace OrleansGateway.Vtl.Evaluation;

/// <summary>
/// <c>$foreach</c> inside a loop (Velocity 1.7's ForeachScope): <c>index</c> from 0, <c>count</c> from 1,
/// <c>hasNext</c>, <c>first</c>, <c>last</c>, and the enclosing loop as <c>parent</c>.
/// </summary>
internal sealed class ForeachScope(ForeachScope? parent, int total) : IVtlHostObject
{
    public ForeachScope? Parent { get; } = parent;

    public int Index { get; set; }

    public int Total { get; } = total;

    public int Count => Index + 1;

    public bool HasNext => Index + 1 < Total;

    public bool StopRequested { get; private set; }

    public bool TryGetProperty(string name, out object? value)
    {
        value = name switch
        {
            "index" => JavaBoxes.Int(Index),
            "count" => JavaBoxes.Int(Count),
            "hasNext" => JavaBoxes.Bool(HasNext),
            "first" => JavaBoxes.Bool(Index == 0),
            "last" => JavaBoxes.Bool(!HasNext),
            "parent" => Parent,
            "topmost" => Topmost(),
            _ => null,
        };
        return value is not null;
    }

    public bool TryInvoke(string name, ReadOnlySpan<object?> arguments, out object? result)
    {
        result = null;
        if (arguments.Length != 0)
        {
            return false;
        }

        switch (name)
        {
            case "stop":
                StopRequested = true;
                result = "";
                return true;
            case "hasNext" or "isFirst" or "isLast":
                result = name == "hasNext" ? HasNext : name == "isFirst" ? Index == 0 : !HasNext;
                return true;
            case "getIndex" or "getCount" or "getHasNext" or "getFirst" or "getLast" or "getParent" or "getTopmost":
                var property = char.ToLowerInvariant(name[3]) + name[4..];
                return TryGetProperty(property, out result);
            default:
                return false;
        }
    }

    public string ToJavaString() => "org.apache.velocity.runtime.directive.ForeachScope@" + GetHashCode().ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    private ForeachScope Topmost()
    {
        var scope = this;
        while (scope.Parent is not null)
        {
            scope = scope.Parent;
        }

        return scope;
    }
}
