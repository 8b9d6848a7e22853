using System.Text.RegularExpressions;

namespace OrleansGateway.JsonPath;

/// <summary>
/// A filter operand: a path from the current item (<c>@</c>) or the root (<c>$</c>), a literal
/// (string, number, boolean, null, list), or a <c>/regex/</c>.
/// </summary>
internal sealed class FilterOperand
{
    public PathSegment[]? Path { get; init; }

    public bool FromRoot { get; init; }

    public object? Literal { get; init; }

    public Regex? Regex { get; init; }
}
