namespace OrleansGateway.Bench.WebSocketServer;

/// <summary>How many sockets a broadcast reached.</summary>
public sealed record BroadcastResult(int Reached);
