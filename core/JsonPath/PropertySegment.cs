namespace OrleansGateway.JsonPath;

/// <summary><c>.name</c>, <c>['name']</c> or <c>['a','b']</c>.</summary>
internal sealed class PropertySegment(string[] names) : PathSegment
{
    public string[] Names { get; } = names;

    public override bool IsDefinite => Names.Length == 1;
}
