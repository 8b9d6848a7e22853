namespace OrleansGateway.JsonPath;

/// <summary>
/// <c>left op right</c>, or a lone operand (<see cref="Operator"/> null) which holds when a path exists
/// or a literal is true.
/// </summary>
internal sealed class FilterComparison(FilterOperand left, string? op, FilterOperand? right) : FilterNode
{
    public FilterOperand Left { get; } = left;

    public string? Operator { get; } = op;

    public FilterOperand? Right { get; } = right;
}
