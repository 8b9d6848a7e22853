namespace OrleansGateway.Vtl.Syntax;

internal sealed class MethodSegment(string name, VtlExpression[] arguments, int line, int column) : ReferenceSegment(line, column)
{
    public string Name { get; } = name;

    public VtlExpression[] Arguments { get; } = arguments;
}
