namespace OrleansGateway.Vtl.Syntax;

/// <summary>A double-quoted string holding references or directives, rendered as a small template each time.</summary>
internal sealed class InterpolatedStringExpression(BlockNode template, int line, int column) : VtlExpression(line, column)
{
    public BlockNode Template { get; } = template;
}
