namespace OrleansGateway.WebSockets;

/// <summary>What running a connection's route gave: the status, and what (if anything) goes back to the client.</summary>
public sealed record WebSocketRouteOutcome
{
    /// <summary>The selected route; null when none matched.</summary>
    public string? RouteKey { get; init; }

    /// <summary>The integration's status (MOCK: from its request template); 403 no route, 500 failure, 504 timeout.</summary>
    public required int StatusCode { get; init; }

    /// <summary>The frame to send back: a two-way route's mapped answer or AWS's error frame; null for none.</summary>
    public byte[]? Reply { get; init; }

    /// <summary><c>$connect</c>: the subprotocol the integration chose.</summary>
    public string? Subprotocol { get; init; }

    /// <summary><c>$connect</c> refused: the JSON body the client gets with <see cref="StatusCode"/>.</summary>
    public string? ErrorBody { get; init; }

    /// <summary>Why the route failed or was refused by its integration, for the host's log; null when it ran as configured.</summary>
    public string? Failure { get; init; }
}
