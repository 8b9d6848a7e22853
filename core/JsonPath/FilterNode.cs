namespace OrleansGateway.JsonPath;

/// <summary>A predicate inside <c>[?( )]</c>.</summary>
internal abstract class FilterNode;
