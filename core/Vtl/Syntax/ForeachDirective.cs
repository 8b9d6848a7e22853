namespace OrleansGateway.Vtl.Syntax;

internal sealed class ForeachDirective(string variable, VtlExpression iterable, BlockNode body, int line, int column)
    : VtlNode(line, column)
{
    public string Variable { get; } = variable;

    public VtlExpression Iterable { get; } = iterable;

    public BlockNode Body { get; } = body;
}
