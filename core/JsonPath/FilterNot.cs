namespace OrleansGateway.JsonPath;

internal sealed class FilterNot(FilterNode operand) : FilterNode
{
    public FilterNode Operand { get; } = operand;
}
