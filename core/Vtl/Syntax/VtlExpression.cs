namespace OrleansGateway.Vtl.Syntax;

/// <summary>Anything that yields a value: literals, references, operators.</summary>
internal abstract class VtlExpression(int line, int column) : VtlNode(line, column)
{
    /// <summary>The source text, which Velocity uses in place of a null operand of <c>+</c> on strings.</summary>
    public string SourceText { get; set; } = "";
}
