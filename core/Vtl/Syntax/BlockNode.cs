namespace OrleansGateway.Vtl.Syntax;

/// <summary>A run of nodes rendered in order: a template, a directive body, an interpolated string.</summary>
internal sealed class BlockNode(VtlNode[] children, int line, int column) : VtlNode(line, column)
{
    public VtlNode[] Children { get; } = children;
}
