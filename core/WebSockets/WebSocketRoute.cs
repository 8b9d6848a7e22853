namespace OrleansGateway.WebSockets;

/// <summary>
/// One compiled route: its integration (null with <see cref="Fault"/> when it cannot run, which answers 500),
/// and whether it is two-way: it has a <c>$default</c> route response, so the mapped answer goes back to the client.
/// </summary>
internal sealed record WebSocketRoute(string Key, WebSocketIntegration? Integration, bool IsTwoWay, string? Fault);
