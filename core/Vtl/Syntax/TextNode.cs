namespace OrleansGateway.Vtl.Syntax;

/// <summary>Literal output: plain text, an unparsed <c>#[[ ]]#</c> block, or an escaped directive.</summary>
internal sealed class TextNode(string text, int line, int column) : VtlNode(line, column)
{
    public string Text { get; } = text;
}
