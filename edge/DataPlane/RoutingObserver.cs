using OrleansGateway.Routing;

namespace OrleansGateway.Edge.DataPlane;

/// <summary>The edge's ear on the edge directory: a change drops the cached tables at once.</summary>
public sealed class RoutingObserver(ApiDirectoryCache directory, RoutingTableCache cache, ApiMappingCache apiMappings) : IRoutingObserver
{
    public Task ApiDirectoryChanged(long version)
    {
        directory.Changed(version);
        return Task.CompletedTask;
    }

    public Task ApiChanged(string apiId)
    {
        cache.InvalidateApi(apiId);
        return Task.CompletedTask;
    }

    public Task StageChanged(string apiId, string stageName)
    {
        cache.InvalidateStage(apiId, stageName);
        return Task.CompletedTask;
    }

    public Task DomainNamesChanged()
    {
        apiMappings.Invalidate();
        return Task.CompletedTask;
    }
}
