namespace OrleansGateway.Routing;

/// <summary>What one segment of a route's path matches, most specific first.</summary>
public enum RouteSegmentKind
{
    /// <summary>Exactly this text (<c>pets</c>).</summary>
    Literal,

    /// <summary>One non-empty segment (<c>{petId}</c>).</summary>
    Parameter,

    /// <summary>Everything from here to the end, at least one character (<c>{proxy+}</c>); last segment only.</summary>
    Greedy,
}
