namespace OrleansGateway.Vtl.Syntax;

/// <summary><c>#break</c>: leaves the innermost <c>#foreach</c> (or macro, or the template).</summary>
internal sealed class BreakDirective(int line, int column) : VtlNode(line, column);
