namespace OrleansGateway.WebSockets;

/// <summary>
/// One WebSocket connection, keyed by its connection ID. Runs the connection's routes in order
/// (<c>$connect</c>, messages, <c>$disconnect</c>) and relays pushes to the edge holding the socket,
/// which the ID names. Holds no state worth persisting: it may deactivate while the socket is idle.
/// Route work can outlast an edge's grain-call timeout, so calls that start it return once it is
/// queued and results go back through the edge's <see cref="Edges.IEdgeObserver"/>.
/// </summary>
[Alias("gw.IConnectionGrain")]
public interface IConnectionGrain : IGrainWithStringKey
{
    /// <summary>Runs <c>$connect</c>; the edge learns the outcome through <see cref="Edges.IEdgeObserver.ConnectCompleted"/>.</summary>
    [Alias("Connect")]
    Task Connect(ConnectionContext context);

    /// <summary>Queues a text message behind the connection's earlier ones; a two-way route's answer is sent on the socket.</summary>
    [Alias("Receive")]
    Task Receive(ConnectionContext context, string body, string messageId);

    /// <summary>Queues <c>$disconnect</c> behind the connection's messages; the socket is already closed.</summary>
    [Alias("Disconnect")]
    Task Disconnect(ConnectionContext context, int statusCode, string reason);

    /// <summary>
    /// Hands the payload to the socket; false when the connection is gone (410) or is not one of stage
    /// <paramref name="stage"/> of API <paramref name="apiId"/>. Throws a 503 <see cref="Errors.ApiGatewayException"/>
    /// when its edge cannot be reached just now, as do <see cref="Describe"/> and <see cref="Close"/>.
    /// </summary>
    [Alias("Post")]
    Task<bool> Post(string apiId, string stage, byte[] payload);

    /// <summary>The connection as its edge sees it; null when gone or of another API or stage.</summary>
    [Alias("Describe")]
    Task<ConnectionDescription?> Describe(string apiId, string stage);

    /// <summary>Closes the socket (its <c>$disconnect</c> follows); false when already gone or of another API or stage.</summary>
    [Alias("Close")]
    Task<bool> Close(string apiId, string stage);
}
