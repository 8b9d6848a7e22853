namespace OrleansGateway.Routing;

/// <summary>One segment of a route key's path: literal text or a path variable's name.</summary>
public readonly record struct RouteSegment(RouteSegmentKind Kind, string Text);
