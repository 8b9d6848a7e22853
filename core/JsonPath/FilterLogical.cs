namespace OrleansGateway.JsonPath;

/// <summary><c>a &amp;&amp; b</c>, <c>a || b</c> (<see cref="IsAnd"/> tells which).</summary>
internal sealed class FilterLogical(bool isAnd, FilterNode left, FilterNode right) : FilterNode
{
    public bool IsAnd { get; } = isAnd;

    public FilterNode Left { get; } = left;

    public FilterNode Right { get; } = right;
}
