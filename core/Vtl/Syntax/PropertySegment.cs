namespace OrleansGateway.Vtl.Syntax;

internal sealed class PropertySegment(string name, int line, int column) : ReferenceSegment(line, column)
{
    public string Name { get; } = name;
}
