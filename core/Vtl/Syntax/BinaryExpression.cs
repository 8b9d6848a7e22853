namespace OrleansGateway.Vtl.Syntax;

internal sealed class BinaryExpression(BinaryOperator op, VtlExpression left, VtlExpression right, int line, int column)
    : VtlExpression(line, column)
{
    public BinaryOperator Operator { get; } = op;

    public VtlExpression Left { get; } = left;

    public VtlExpression Right { get; } = right;
}
