namespace OrleansGateway.Vtl.Syntax;

/// <summary><c>{k : v, ...}</c>: a new insertion-ordered map on every evaluation.</summary>
internal sealed class MapExpression(VtlExpression[] keys, VtlExpression[] values, int line, int column) : VtlExpression(line, column)
{
    public VtlExpression[] Keys { get; } = keys;

    public VtlExpression[] Values { get; } = values;
}
