namespace OrleansGateway.Vtl.Parsing;

internal static class ParserLimits
{
    /// <summary>
    /// Deepest nesting of directives, expressions and interpolated strings. Bounds the parser's (and the
    /// renderer's) recursion far below what a thread's stack holds.
    /// </summary>
    public const int MaxNesting = 100;
}
