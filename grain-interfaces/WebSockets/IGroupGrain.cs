using Orleans.Concurrency;

namespace OrleansGateway.WebSockets;

/// <summary>
/// A named group of connections of one stage, keyed <c>{apiId}/{stage}/{group}</c>. Keeps members by
/// the edge holding them and persists membership, so a send costs one call per edge with members,
/// and a silo's death loses nobody.
/// </summary>
[Alias("gw.IGroupGrain")]
public interface IGroupGrain : IGrainWithStringKey
{
    /// <summary>Adds a connection (its ID names its edge); false when the connection is gone, a 503 when its edge cannot be reached just now.</summary>
    [Alias("Join")]
    Task<bool> Join(string connectionId);

    /// <summary>Removes a connection; false when it was not a member.</summary>
    [Alias("Leave")]
    Task<bool> Leave(string connectionId);

    /// <summary>Sends the payload to every member; how many sockets it was handed to.</summary>
    [Alias("Send")]
    Task<int> Send(byte[] payload);

    /// <summary>Members in a stable order, <paramref name="maxResults"/> at a time.</summary>
    [Alias("List")]
    Task<GroupPage> List(string? nextToken, int maxResults);

    /// <summary>With stream fan-out: edge <paramref name="edgeId"/> handed send <paramref name="sendId"/> to <paramref name="count"/> sockets.</summary>
    [Alias("Delivered"), OneWay]
    Task Delivered(Guid sendId, int edgeId, int count);

    /// <summary>Forgets every member held by an edge that is gone.</summary>
    [Alias("DropEdge")]
    Task DropEdge(int edgeId);
}
