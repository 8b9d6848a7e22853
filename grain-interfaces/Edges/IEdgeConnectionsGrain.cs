namespace OrleansGateway.Edges;

/// <summary>
/// One shard of the connections an edge holds, keyed <c>{edgeId}/{shard}</c>, persisted: the list
/// <see cref="Routing.IEdgeDirectoryGrain"/> runs <c>$disconnect</c> for when the edge dies. Writes are
/// grouped, so many connects share one storage write.
/// </summary>
[Alias("gw.IEdgeConnectionsGrain")]
public interface IEdgeConnectionsGrain : IGrainWithStringKey
{
    /// <summary>Records an accepted connection; returns once the record is written.</summary>
    [Alias("Add")]
    Task Add(ConnectionRecord record);

    /// <summary>Forgets a connection whose <c>$disconnect</c> has run.</summary>
    [Alias("Remove")]
    Task Remove(string connectionId);

    /// <summary>
    /// The edge is gone: runs <c>$disconnect</c> (1006) for every connection recorded here, and again
    /// for those still recorded a while later. Called until it answers true: nothing is owed here any more.
    /// </summary>
    [Alias("DisconnectAll")]
    Task<bool> DisconnectAll();
}
