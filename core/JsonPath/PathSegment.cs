namespace OrleansGateway.JsonPath;

/// <summary>One step of a JSONPath: selects nodes from each node of the previous step.</summary>
internal abstract class PathSegment
{
    /// <summary>Whether the step selects at most one node (Jayway's "definite" path).</summary>
    public abstract bool IsDefinite { get; }
}
