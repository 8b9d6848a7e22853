namespace OrleansGateway.JsonPath;

/// <summary><c>[start:end]</c>, <c>[:end]</c>, <c>[start:]</c>, <c>[-n:]</c>.</summary>
internal sealed class SliceSegment(int? start, int? end) : PathSegment
{
    public int? Start { get; } = start;

    public int? End { get; } = end;

    public override bool IsDefinite => false;
}
