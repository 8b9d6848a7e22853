namespace OrleansGateway.JsonPath;

/// <summary><c>[n]</c> or <c>[n,m]</c>; negative indexes count from the end.</summary>
internal sealed class IndexSegment(int[] indexes) : PathSegment
{
    public int[] Indexes { get; } = indexes;

    public override bool IsDefinite => Indexes.Length == 1;
}
