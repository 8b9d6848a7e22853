using OrleansGateway.Routing;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Edges;

/// <summary>
/// An edge, as grains address it: the routing pushes every edge gets, and the sockets only this
/// edge holds. Registered once per edge with <see cref="IEdgeDirectoryGrain"/>, which hands out
/// the edge's ID.
/// </summary>
[Alias("gw.IEdgeObserver")]
public interface IEdgeObserver : IRoutingObserver
{
    /// <summary>The <c>$connect</c> route of a connection waiting for its handshake has answered.</summary>
    [Alias("ConnectCompleted")]
    Task ConnectCompleted(string connectionId, ConnectOutcome outcome);

    /// <summary>Writes one frame (text when the payload is UTF-8, else binary); false when the socket is gone.</summary>
    [Alias("Send")]
    Task<bool> Send(string connectionId, byte[] payload);

    /// <summary>A backend's post: <see cref="Send"/> to a connection of that API's stage only.</summary>
    [Alias("Post")]
    Task<bool> Post(string connectionId, string apiId, string stage, byte[] payload);

    /// <summary>Writes the same frame to each connection this edge holds; how many sockets took it.</summary>
    [Alias("SendToMany")]
    Task<int> SendToMany(string[] connectionIds, byte[] payload);

    /// <summary>The connection's facts for <c>GetConnection</c>; null when the socket is gone.</summary>
    [Alias("Describe")]
    Task<ConnectionDescription?> Describe(string connectionId, string apiId, string stage);

    /// <summary>Closes the socket (1000) and runs its <c>$disconnect</c>; false when already gone.</summary>
    [Alias("Close")]
    Task<bool> Close(string connectionId, string apiId, string stage);

    /// <summary>The connection joined a group: it leaves it when it disconnects. False when the socket is gone or the group is another stage's.</summary>
    [Alias("JoinedGroup")]
    Task<bool> JoinedGroup(string connectionId, string groupKey);

    /// <summary>The connection left a group.</summary>
    [Alias("LeftGroup")]
    Task LeftGroup(string connectionId, string groupKey);
}
