namespace OrleansGateway.Vtl.Syntax;

/// <summary><c>[a, b, c]</c>: a new <c>ArrayList</c> on every evaluation, as in Velocity.</summary>
internal sealed class ListExpression(VtlExpression[] items, int line, int column) : VtlExpression(line, column)
{
    public VtlExpression[] Items { get; } = items;
}
