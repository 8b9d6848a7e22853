namespace OrleansGateway.Vtl.Syntax;

/// <summary>
/// <c>$a.b.c()[0]</c>, formal <c>${a}</c> or quiet <c>$!a</c>. In template text it renders its value, or its
/// own source text when the value is null (Velocity) or nothing (quiet, or API Gateway's null handling).
/// </summary>
internal sealed class ReferenceExpression : VtlExpression
{
    public ReferenceExpression(string rootName, ReferenceSegment[] segments, int line, int column)
        : base(line, column)
    {
        RootName = rootName;
        Segments = segments;
        Builtin = BuiltinOf(rootName);
        if (segments.Length > 0 && Array.TrueForAll(segments, static segment => segment is PropertySegment))
        {
            PropertyNames = Array.ConvertAll(segments, static segment => ((PropertySegment)segment).Name);
        }
    }

    public string RootName { get; }

    public ReferenceSegment[] Segments { get; }

    /// <summary>The built-in variable the root names, if any; the renderer still lets a variable of that name shadow it.</summary>
    public BuiltinVariable Builtin { get; }

    /// <summary>
    /// The names of <see cref="Segments"/> when every one is a property step (<c>$elem.type</c>, the usual
    /// reference), so rendering walks a string array instead of testing each segment's kind; else null.
    /// </summary>
    public string[]? PropertyNames { get; }

    public bool Quiet { get; init; }

    /// <summary>An odd number of backslashes stood before the <c>$</c>.</summary>
    public bool Escaped { get; init; }

    /// <summary>Half of the backslashes before the <c>$</c>, which Velocity writes before the reference.</summary>
    public string EscapePrefix { get; init; } = "";

    public static BuiltinVariable BuiltinOf(string name) => name switch
    {
        "input" => BuiltinVariable.Input,
        "util" => BuiltinVariable.Util,
        "context" => BuiltinVariable.Context,
        "stageVariables" => BuiltinVariable.StageVariables,
        "foreach" => BuiltinVariable.Foreach,
        "velocityCount" => BuiltinVariable.VelocityCount,
        "velocityHasNext" => BuiltinVariable.VelocityHasNext,
        _ => BuiltinVariable.None,
    };
}
