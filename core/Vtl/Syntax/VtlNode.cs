namespace OrleansGateway.Vtl.Syntax;

/// <summary>A node of a compiled template; positions are 1-based and name the node's first character.</summary>
internal abstract class VtlNode(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
