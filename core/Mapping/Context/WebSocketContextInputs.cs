using OrleansGateway.Mapping.GatewayResponses;

namespace OrleansGateway.Mapping.Context;

/// <summary>
/// The facts of one WebSocket route invocation (connect, message or disconnect) that
/// <c>$context</c> exposes, turned into the tree by <see cref="ContextVariables.WebSocket"/>.
/// </summary>
public sealed record WebSocketContextInputs
{
    public required string ApiId { get; init; }

    public required string Stage { get; init; }

    public required string ConnectionId { get; init; }

    /// <summary>When the connection was accepted; the same for every event of that connection.</summary>
    public required DateTimeOffset ConnectedAt { get; init; }

    public required WebSocketEventType EventType { get; init; }

    /// <summary>The selected route key, <c>$connect</c>, <c>$default</c> or a custom one.</summary>
    public required string RouteKey { get; init; }

    /// <summary>AWS documents <c>$context.requestId</c> as the same value, so there is only one input.</summary>
    public required string ExtendedRequestId { get; init; }

    /// <summary>The server-side message id; AWS has one only for <see cref="WebSocketEventType.Message"/>.</summary>
    public string? MessageId { get; init; }

    public string? DomainName { get; init; }

    public DateTimeOffset RequestTime { get; init; }

    public CallerIdentity Identity { get; init; } = new();

    public AuthorizerOutput? Authorizer { get; init; }

    /// <summary>The response status, known only once the route has answered.</summary>
    public int? Status { get; init; }

    public GatewayError? Error { get; init; }

    /// <summary>The close code of the connection; <see cref="WebSocketEventType.Disconnect"/> only.</summary>
    public int? DisconnectStatusCode { get; init; }

    /// <summary>The close reason, or why the gateway closed; <see cref="WebSocketEventType.Disconnect"/> only.</summary>
    public string? DisconnectReason { get; init; }
}
