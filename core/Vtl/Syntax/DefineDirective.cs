namespace OrleansGateway.Vtl.Syntax;

/// <summary><c>#define($name)...#end</c>: <c>$name</c> renders the block, in the context of the reference.</summary>
internal sealed class DefineDirective(string name, BlockNode body, int line, int column) : VtlNode(line, column)
{
    public string Name { get; } = name;

    public BlockNode Body { get; } = body;
}
