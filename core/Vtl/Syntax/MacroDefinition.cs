namespace OrleansGateway.Vtl.Syntax;

/// <summary><c>#macro(name $a $b)...#end</c>; collected by the parser into the template's macro table.</summary>
internal sealed class MacroDefinition(string name, string[] parameters, BlockNode body, int line, int column)
    : VtlNode(line, column)
{
    public string Name { get; } = name;

    public string[] Parameters { get; } = parameters;

    public BlockNode Body { get; } = body;
}
