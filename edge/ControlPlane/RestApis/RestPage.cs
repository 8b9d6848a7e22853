namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>One page of an apigateway (v1) collection: <c>{"item": [...], "position": "..."}</c>.</summary>
public sealed record RestPage<T>(List<T> Item, string? Position);
