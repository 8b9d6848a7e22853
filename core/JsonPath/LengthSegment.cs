namespace OrleansGateway.JsonPath;

/// <summary>Jayway's <c>.length()</c> function: the size of an array, object or string.</summary>
internal sealed class LengthSegment : PathSegment
{
    public static LengthSegment Instance { get; } = new();

    public override bool IsDefinite => true;
}
