namespace OrleansGateway.JsonPath;

/// <summary><c>*</c> or <c>[*]</c>: every property value of an object, every item of an array.</summary>
internal sealed class WildcardSegment : PathSegment
{
    public static WildcardSegment Instance { get; } = new();

    public override bool IsDefinite => false;
}
