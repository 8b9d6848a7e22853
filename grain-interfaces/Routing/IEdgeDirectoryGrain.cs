namespace OrleansGateway.Routing;

/// <summary>
/// The edges currently listening for routing changes (key 0). Edges subscribe on start and
/// renew on a timer; subscriptions not renewed expire, so a dead edge is forgotten.
/// </summary>
[Alias("gw.IEdgeDirectoryGrain")]
public interface IEdgeDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("Subscribe")]
    Task Subscribe(IRoutingObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IRoutingObserver observer);

    [Alias("PublishApiChanged")]
    Task PublishApiChanged(string apiId);

    [Alias("PublishStageChanged")]
    Task PublishStageChanged(string apiId, string stageName);

    [Alias("PublishApiDirectoryChanged")]
    Task PublishApiDirectoryChanged(long version);

    [Alias("PublishDomainNamesChanged")]
    Task PublishDomainNamesChanged();
}
