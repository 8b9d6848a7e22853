namespace OrleansGateway.Vtl.Syntax;

/// <summary>
/// <c>$a.b.c()[0]</c>, formal <c>${a}</c> or quiet <c>$!a</c>. In template text it renders its value, or its
/// own source text when the value is null (Velocity) or nothing (quiet, or API Gateway's null handling).
/// </summary>
internal sealed class ReferenceExpression(string rootName, ReferenceSegment[] segments, int line, int column)
    : VtlExpression(line, column)
{
    public string RootName { get; } = rootName;

    public ReferenceSegment[] Segments { get; } = segments;

    public bool Quiet { get; init; }

    /// <summary>An odd number of backslashes stood before the <c>$</c>.</summary>
    public bool Escaped { get; init; }

    /// <summary>Half of the backslashes before the <c>$</c>, which Velocity writes before the reference.</summary>
    public string EscapePrefix { get; init; } = "";
}
