namespace OrleansGateway.Vtl.Syntax;

/// <summary>
/// <c>#name(args)</c> for a name that is not a directive. Resolved when rendered, against every macro the
/// template defines; an unknown name renders the call's source text, as Velocity 1.7's RuntimeMacro does.
/// </summary>
internal sealed class MacroCall(string name, VtlExpression[] arguments, string sourceText, int line, int column)
    : VtlNode(line, column)
{
    public string Name { get; } = name;

    public VtlExpression[] Arguments { get; } = arguments;

    public string SourceText { get; } = sourceText;
}
