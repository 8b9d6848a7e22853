using OrleansGateway.Mapping.Context;

namespace OrleansGateway.WebSockets;

/// <summary>One event of a connection for its routes: connecting, a text message, or disconnecting.</summary>
public sealed record WebSocketRouteRequest
{
    public required WebSocketEventType EventType { get; init; }

    public required ConnectionContext Connection { get; init; }

    /// <summary>The text message (<see cref="WebSocketEventType.Message"/> only).</summary>
    public string? Body { get; init; }

    public string? MessageId { get; init; }

    public required string RequestId { get; init; }

    public int? DisconnectStatusCode { get; init; }

    public string? DisconnectReason { get; init; }
}
