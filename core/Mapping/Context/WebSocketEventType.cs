namespace OrleansGateway.Mapping.Context;

/// <summary>Which part of a WebSocket connection's life a route runs for (<c>$context.eventType</c>).</summary>
public enum WebSocketEventType
{
    Connect,
    Message,
    Disconnect,
}
