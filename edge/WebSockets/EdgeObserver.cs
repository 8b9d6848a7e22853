using OrleansGateway.Edge.ApiKeys;
using OrleansGateway.Edge.DataPlane;
using OrleansGateway.Edge.DataPlane.Rest;
using OrleansGateway.Edges;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Edge.WebSockets;

/// <summary>
/// The edge as grains address it: routing changes drop the cached tables at once; socket calls
/// reach the connections this edge holds.
/// </summary>
public sealed class EdgeObserver(ApiDirectoryCache directory, RoutingTableCache cache, ApiMappingCache apiMappings, SocketRegistry sockets, RestTableCache restTables, GroupSubscriptions groups, ApiKeyTableCache apiKeys, QuotaLeases quotas) : IEdgeObserver
{
    public Task ApiDirectoryChanged(long version)
    {
        directory.Changed(version);
        return Task.CompletedTask;
    }

    public Task ApiChanged(string apiId)
    {
        cache.InvalidateApi(apiId);
        restTables.InvalidateApi(apiId);
        return Task.CompletedTask;
    }

    public Task StageChanged(string apiId, string stageName)
    {
        cache.InvalidateStage(apiId, stageName);
        restTables.InvalidateStage(apiId, stageName);
        return Task.CompletedTask;
    }

    public Task DomainNamesChanged()
    {
        apiMappings.Invalidate();
        return Task.CompletedTask;
    }

    public Task ApiKeysChanged()
    {
        apiKeys.Invalidate();
        quotas.Clear();
        return Task.CompletedTask;
    }

    public Task ConnectCompleted(string connectionId, ConnectOutcome outcome)
    {
        sockets.CompleteConnect(connectionId, outcome);
        return Task.CompletedTask;
    }

    public Task<bool> Send(string connectionId, byte[] payload) => sockets.SendAsync(connectionId, payload);

    public Task<int> SendToMany(string[] connectionIds, byte[] payload) => sockets.SendToManyAsync(connectionIds, payload);

    public Task<bool> Post(string connectionId, string apiId, string stage, byte[] payload) =>
        sockets.TryGet(connectionId, apiId, stage, out _) ? sockets.SendAsync(connectionId, payload) : Task.FromResult(false);

    public Task<ConnectionDescription?> Describe(string connectionId, string apiId, string stage) =>
        Task.FromResult(sockets.TryGet(connectionId, apiId, stage, out _) ? sockets.Describe(connectionId) : null);

    public Task<bool> Close(string connectionId, string apiId, string stage) =>
        Task.FromResult(sockets.TryGet(connectionId, apiId, stage, out _) && sockets.Close(connectionId));

    public async Task<bool> JoinedGroup(string connectionId, string groupKey)
    {
        if (!sockets.JoinedGroup(connectionId, groupKey))
        {
            return false;
        }

        await groups.JoinedAsync(groupKey, connectionId);
        return true;
    }

    public Task LeftGroup(string connectionId, string groupKey)
    {
        sockets.LeftGroup(connectionId, groupKey);
        return groups.LeftAsync(groupKey, connectionId);
    }
}
