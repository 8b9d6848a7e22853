using OrleansGateway.Edges;

namespace OrleansGateway.Routing;

/// <summary>
/// The edges of the cluster (key 0): hands each edge its ID, pushes routing changes to all of them,
/// finds one by ID for socket delivery, and declares an edge dead when it stops renewing, then runs
/// <c>$disconnect</c> for every connection it held. Which edges exist is persisted, so a silo's death
/// forgets none.
/// </summary>
[Alias("gw.IEdgeDirectoryGrain")]
public interface IEdgeDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>A starting edge joins: a new ID, never handed out before.</summary>
    [Alias("Join")]
    Task<EdgeRegistration> Join(IEdgeObserver observer);

    /// <summary>An edge says it is alive; false when it was declared dead (it must close its sockets and join again).</summary>
    [Alias("Renew")]
    Task<bool> Renew(int edgeId, IEdgeObserver observer);

    /// <summary>An edge stopping gracefully, after it ran its connections' <c>$disconnect</c>.</summary>
    [Alias("Leave")]
    Task Leave(int edgeId);

    /// <summary>The live edge with this ID; null when unknown or dead.</summary>
    [Alias("Find")]
    Task<IEdgeObserver?> Find(int edgeId);

    /// <summary>The connection-ID key, for grains that check IDs.</summary>
    [Alias("GetConnectionIdKey")]
    Task<byte[]> GetConnectionIdKey();

    [Alias("PublishApiChanged")]
    Task PublishApiChanged(string apiId);

    [Alias("PublishStageChanged")]
    Task PublishStageChanged(string apiId, string stageName);

    [Alias("PublishApiDirectoryChanged")]
    Task PublishApiDirectoryChanged(long version);

    [Alias("PublishDomainNamesChanged")]
    Task PublishDomainNamesChanged();

    /// <summary>Tells every edge that API keys or usage plans changed.</summary>
    [Alias("PublishApiKeysChanged")]
    Task PublishApiKeysChanged();
}
