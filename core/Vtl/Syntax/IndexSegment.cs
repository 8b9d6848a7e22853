namespace OrleansGateway.Vtl.Syntax;

internal sealed class IndexSegment(VtlExpression index, int line, int column) : ReferenceSegment(line, column)
{
    public VtlExpression Index { get; } = index;
}
