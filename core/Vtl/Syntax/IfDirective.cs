namespace OrleansGateway.Vtl.Syntax;

/// <summary><c>#if</c> with its <c>#elseif</c> branches (conditions and blocks pairwise) and optional <c>#else</c>.</summary>
internal sealed class IfDirective(VtlExpression[] conditions, BlockNode[] blocks, BlockNode? elseBlock, int line, int column)
    : VtlNode(line, column)
{
    public VtlExpression[] Conditions { get; } = conditions;

    public BlockNode[] Blocks { get; } = blocks;

    public BlockNode? ElseBlock { get; } = elseBlock;
}
