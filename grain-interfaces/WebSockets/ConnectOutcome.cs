namespace OrleansGateway.WebSockets;

/// <summary>The <c>$connect</c> route's answer: a 2xx opens the socket, anything else is the upgrade's status.</summary>
[GenerateSerializer, Immutable, Alias("gw.ConnectOutcome")]
public sealed record ConnectOutcome
{
    [Id(0)] public required int StatusCode { get; init; }

    /// <summary>The subprotocol the integration chose (its <c>Sec-WebSocket-Protocol</c> header).</summary>
    [Id(1)] public string? Subprotocol { get; init; }

    /// <summary>The body to answer a refused upgrade with (JSON), null for none.</summary>
    [Id(2)] public string? Body { get; init; }

    public bool Accepted => StatusCode is >= 200 and < 300;
}
