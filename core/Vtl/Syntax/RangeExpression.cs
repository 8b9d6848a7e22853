namespace OrleansGateway.Vtl.Syntax;

/// <summary><c>[from..to]</c>: the integers between both ends, counting down when <c>to</c> is smaller.</summary>
internal sealed class RangeExpression(VtlExpression from, VtlExpression to, int line, int column) : VtlExpression(line, column)
{
    public VtlExpression From { get; } = from;

    public VtlExpression To { get; } = to;
}
