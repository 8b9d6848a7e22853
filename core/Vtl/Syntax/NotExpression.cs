namespace OrleansGateway.Vtl.Syntax;

/// <summary><c>!x</c> or <c>not x</c>.</summary>
internal sealed class NotExpression(VtlExpression operand, int line, int column) : VtlExpression(line, column)
{
    public VtlExpression Operand { get; } = operand;
}
