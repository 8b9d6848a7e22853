namespace OrleansGateway.JsonPath;

/// <summary><c>[?(predicate)]</c>: the items of an array (or an object itself) for which the predicate holds.</summary>
internal sealed class FilterSegment(FilterNode predicate) : PathSegment
{
    public FilterNode Predicate { get; } = predicate;

    public override bool IsDefinite => false;
}
