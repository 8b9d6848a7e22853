namespace OrleansGateway.JsonPath;

/// <summary><c>..step</c>: applies the step to the node and to every descendant, in document order.</summary>
internal sealed class DeepScanSegment(PathSegment step) : PathSegment
{
    public PathSegment Step { get; } = step;

    public override bool IsDefinite => false;
}
