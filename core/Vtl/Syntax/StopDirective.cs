namespace OrleansGateway.Vtl.Syntax;

/// <summary><c>#stop</c>: ends the render, keeping what was written so far.</summary>
internal sealed class StopDirective(int line, int column) : VtlNode(line, column);
