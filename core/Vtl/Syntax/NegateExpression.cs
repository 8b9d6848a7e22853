namespace OrleansGateway.Vtl.Syntax;

/// <summary>Unary minus applied to something other than a numeric literal.</summary>
internal sealed class NegateExpression(VtlExpression operand, int line, int column) : VtlExpression(line, column)
{
    public VtlExpression Operand { get; } = operand;
}
