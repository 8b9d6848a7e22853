using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using OrleansGateway.Edges;
using OrleansGateway.Storage;

namespace OrleansGateway.Routing;

/// <summary>
/// The edges of the cluster. Which edges exist (ID → observer) is persisted, written only when an
/// edge joins, leaves or dies; when each was last heard from is memory only, and after a restart of
/// this grain every known edge gets a full <see cref="Expiry"/> to renew. An edge not heard from
/// within <see cref="Expiry"/> is dead: it is removed, and each shard of its connection records runs
/// their <c>$disconnect</c>. Kept active: it is the clock that notices deaths.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed partial class EdgeDirectoryGrain(
    [PersistentState("state", StorageNames.Gateway)] IPersistentState<EdgeDirectoryState> state,
    IGrainFactory grains,
    ILogger<EdgeDirectoryGrain> logger) : Grain, IEdgeDirectoryGrain
{
    /// <summary>Edges renew every 5 s; three missed renewals and a margin make one dead.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);

    private readonly Dictionary<int, DateTime> _lastHeard = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        foreach (var edgeId in state.State.Edges.Keys)
        {
            _lastHeard[edgeId] = now;
        }

        this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(SweepInterval, SweepInterval) { Interleave = true });
        return Task.CompletedTask;
    }

    public async Task<EdgeRegistration> Join(IEdgeObserver observer)
    {
        var key = state.State.ConnectionIdKey ?? RandomNumberGenerator.GetBytes(32);
        var edgeId = state.State.LastEdgeId + 1;
        state.State.ConnectionIdKey = key;
        state.State.LastEdgeId = edgeId;
        state.State.Edges[edgeId] = observer;
        await state.WriteStateOrReloadAsync(this);
        _lastHeard[edgeId] = DateTime.UtcNow;
        Log.Joined(logger, edgeId);
        return new EdgeRegistration { EdgeId = edgeId, ConnectionIdKey = key };
    }

    public async Task<bool> Renew(int edgeId, IEdgeObserver observer)
    {
        if (!state.State.Edges.TryGetValue(edgeId, out var known))
        {
            return false;
        }

        if (!known.Equals(observer))
        {
            state.State.Edges[edgeId] = observer;
            await state.WriteStateOrReloadAsync(this);
        }

        _lastHeard[edgeId] = DateTime.UtcNow;
        return true;
    }

    public async Task Leave(int edgeId)
    {
        // A leaving edge ran its connections' $disconnect; any record it could not finish is still
        // owed one, so it is swept like a dead edge's (for the others, DisconnectAll finds nothing).
        if (state.State.Edges.Remove(edgeId))
        {
            state.State.Dead.Add(edgeId);
            await state.WriteStateOrReloadAsync(this);
            Log.Left(logger, edgeId);
        }

        _lastHeard.Remove(edgeId);
    }

    public Task<IEdgeObserver?> Find(int edgeId) =>
        Task.FromResult(state.State.Edges.GetValueOrDefault(edgeId));

    public async Task<byte[]> GetConnectionIdKey()
    {
        if (state.State.ConnectionIdKey is null)
        {
            state.State.ConnectionIdKey = RandomNumberGenerator.GetBytes(32);
            await state.WriteStateOrReloadAsync(this);
        }

        return state.State.ConnectionIdKey;
    }

    public Task PublishApiChanged(string apiId)
    {
        Notify(o => o.ApiChanged(apiId));
        return Task.CompletedTask;
    }

    public Task PublishStageChanged(string apiId, string stageName)
    {
        Notify(o => o.StageChanged(apiId, stageName));
        return Task.CompletedTask;
    }

    public Task PublishApiDirectoryChanged(long version)
    {
        Notify(o => o.ApiDirectoryChanged(version));
        return Task.CompletedTask;
    }

    public Task PublishDomainNamesChanged()
    {
        Notify(o => o.DomainNamesChanged());
        return Task.CompletedTask;
    }

    public Task PublishApiKeysChanged()
    {
        Notify(o => o.ApiKeysChanged());
        return Task.CompletedTask;
    }

    // Calls are started, not awaited: a publisher must not wait on edges (an edge reacting to the
    // news calls the publishing grain back), and a dead edge must not slow the others down.
    private void Notify(Func<IEdgeObserver, Task> call)
    {
        foreach (var observer in state.State.Edges.Values)
        {
            _ = Deliver(observer, call);
        }
    }

    private async Task Deliver(IEdgeObserver observer, Func<IEdgeObserver, Task> call)
    {
        try
        {
            await call(observer);
        }
        catch (Exception e)
        {
            Log.DeliveryFailed(logger, e.GetType().Name, e.Message);
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = DateTime.UtcNow - Expiry;
        var dead = state.State.Edges.Keys.Where(id => _lastHeard.GetValueOrDefault(id) < cutoff).ToList();
        if (dead.Count > 0)
        {
            foreach (var edgeId in dead)
            {
                state.State.Edges.Remove(edgeId);
                state.State.Dead.Add(edgeId);
                _lastHeard.Remove(edgeId);
                Log.Died(logger, edgeId, Expiry.TotalSeconds);
            }

            await state.WriteStateOrReloadAsync(this);
        }

        // Dead edges stay listed until every shard owes nothing: each sweep calls the shards again,
        // which is what re-issues a $disconnect lost with a silo (even the shard's own silo).
        foreach (var edgeId in state.State.Dead.ToList())
        {
            try
            {
                var done = await Task.WhenAll(Enumerable.Range(0, EdgeShards.Count)
                    .Select(shard => grains.GetGrain<IEdgeConnectionsGrain>(EdgeShards.Key(edgeId, shard)).DisconnectAll()));
                if (done.All(shardDone => shardDone))
                {
                    state.State.Dead.Remove(edgeId);
                    await state.WriteStateOrReloadAsync(this);
                }
            }
            catch (Exception e)
            {
                Log.DisconnectAllFailed(logger, edgeId, e.GetType().Name, e.Message);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "A routing change did not reach an edge ({ErrorType}: {Message}); it renews or is declared dead")]
        public static partial void DeliveryFailed(ILogger logger, string errorType, string message);

        [LoggerMessage(2, LogLevel.Information, "Edge {EdgeId} joined")]
        public static partial void Joined(ILogger logger, int edgeId);

        [LoggerMessage(3, LogLevel.Information, "Edge {EdgeId} left")]
        public static partial void Left(ILogger logger, int edgeId);

        [LoggerMessage(4, LogLevel.Warning, "Edge {EdgeId} was not heard from for {Seconds} s: declared dead, its connections' $disconnect runs")]
        public static partial void Died(ILogger logger, int edgeId, double seconds);

        [LoggerMessage(5, LogLevel.Warning, "Starting $disconnect for the connections of dead edge {EdgeId} failed ({ErrorType}: {Message}); retried on the next sweep")]
        public static partial void DisconnectAllFailed(ILogger logger, int edgeId, string errorType, string message);
    }
}
