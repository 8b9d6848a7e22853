namespace OrleansGateway.Edge.ControlPlane;

/// <summary>One control-plane operation: reads the request, calls grains, writes the response.</summary>
public delegate Task WireHandler(WireRequest request);
