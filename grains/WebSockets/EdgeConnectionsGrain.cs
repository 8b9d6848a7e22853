using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using OrleansGateway.Edges;
using OrleansGateway.Storage;

namespace OrleansGateway.WebSockets;

/// <summary>
/// One shard of the connections an edge holds, persisted, so that their <c>$disconnect</c> runs
/// even when the edge dies. Reentrant, because a connect storm must not become one storage write
/// per connect: every change goes through one <see cref="GroupCommit{T}"/>, so the Adds that arrive
/// while a write is in flight share the next one, and each returns once its own record is written.
/// The state is only changed inside that commit, which is what makes interleaving safe.
/// When the edge is dead, <see cref="DisconnectAll"/> (called by the edge directory on every sweep
/// until it answers true) issues <c>$disconnect</c> for each record, and again for records still here
/// <see cref="RetryAfter"/> later (a silo that died with the connection's grain loses its queue), at
/// most <see cref="MaxRounds"/> times.
/// </summary>
[Reentrant]
public sealed partial class EdgeConnectionsGrain : Grain, IEdgeConnectionsGrain
{
    /// <summary>
    /// A round's records still here this long after it are issued again. Death is noticed within 25 s
    /// of an edge's last renewal, so a retry after 20 s keeps a lost <c>$disconnect</c> within 60 s; a
    /// <c>$disconnect</c> route still running past it (up to 29 s) may run twice.
    /// </summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(20);

    /// <summary>Rounds before the records left are dropped (logged): about 100 s of trying.</summary>
    public const int MaxRounds = 5;

    private const int CloseStatus = 1006;
    private const string CloseReason = "Going away";
    private const int PooledStringLimit = 256;

    private readonly IPersistentState<EdgeConnectionsState> _state;
    private readonly GroupCommit<EdgeConnectionsState> _commit;
    private readonly IGrainFactory _grains;
    private readonly ILogger<EdgeConnectionsGrain> _logger;

    // Records of one edge share a few API IDs, stages, host names and user agents: one copy each.
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    // Issued calls that failed: issued again on the next sweep, without waiting for a round.
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private DateTime _lastRound = DateTime.MinValue;

    public EdgeConnectionsGrain(
        [PersistentState("state", StorageNames.Gateway)] IPersistentState<EdgeConnectionsState> state,
        IGrainFactory grains,
        ILogger<EdgeConnectionsGrain> logger)
    {
        _state = state;
        _grains = grains;
        _logger = logger;

        // A dead edge's shard that owes nothing more keeps nothing in storage.
        _commit = new GroupCommit<EdgeConnectionsState>(state, this) { ClearWhen = s => s.EdgeDead && s.Connections.Count == 0 };
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Deserialized keys and contexts hold separate copies of every string; keep one.
        _state.State.Connections = _state.State.Connections.Values
            .Select(Compact)
            .ToDictionary(context => context.ConnectionId, StringComparer.Ordinal);
        return Task.CompletedTask;
    }

    public Task Add(ConnectionRecord record)
    {
        if (_state.State.EdgeDead)
        {
            // The directory declared the edge dead: the edge is told so on its next renewal and drops its sockets.
            throw new InvalidOperationException($"Edge shard {this.GetPrimaryKeyString()} belongs to an edge declared dead");
        }

        var context = Compact(record.Context);
        return _commit.Enqueue(s => s.Connections[context.ConnectionId] = context);
    }

    public Task Remove(string connectionId)
    {
        // The caller's $disconnect has run; it need not wait for the write.
        _ = RemoveAsync(connectionId);
        return Task.CompletedTask;
    }

    public async Task<bool> DisconnectAll()
    {
        if (!_state.State.EdgeDead)
        {
            if (_state.State.Connections.Count == 0 && !_commit.HasPending)
            {
                return true;
            }

            // Persisted before any $disconnect goes out: from here on this shard owes them, whatever happens to its silo.
            await _commit.Enqueue(s => s.EdgeDead = true);
        }

        var owed = _state.State.Connections;
        if (owed.Count == 0)
        {
            if (_state.State.EdgeDead)
            {
                // Emptied by Removes whose clear failed: the commit clears it now.
                await _commit.Enqueue(static _ => { });
            }

            return true;
        }

        var now = DateTime.UtcNow;
        if (now - _lastRound >= RetryAfter)
        {
            _lastRound = now;
            if (_state.State.DisconnectRounds >= MaxRounds)
            {
                Log.GaveUp(_logger, this.GetPrimaryKeyString(), owed.Count, MaxRounds);
                await _commit.Enqueue(s => s.Connections.Clear());
                return true;
            }

            await _commit.Enqueue(s => s.DisconnectRounds++);
            _failed.Clear();
            Log.Round(_logger, this.GetPrimaryKeyString(), _state.State.DisconnectRounds, owed.Count);
            _ = IssueAsync([.. owed.Values]);
        }
        else if (_failed.Count > 0)
        {
            List<ConnectionContext> again = [.. owed.Values.Where(context => _failed.Contains(context.ConnectionId))];
            _failed.Clear();
            _ = IssueAsync(again);
        }

        return false;
    }

    private async Task RemoveAsync(string connectionId)
    {
        try
        {
            await _commit.Enqueue(s => s.Connections.Remove(connectionId));
        }
        catch (Exception e)
        {
            // The record stays: should the edge die, this connection gets one $disconnect too many.
            Log.RemoveFailed(_logger, connectionId, e.GetType().Name, e.Message);
        }
    }

    // Each call returns once the $disconnect is queued; the connection's grain removes the record after it ran.
    private async Task IssueAsync(List<ConnectionContext> contexts)
    {
        var failed = 0;
        await Task.WhenAll(contexts.Select(async context =>
        {
            try
            {
                await _grains.GetGrain<IConnectionGrain>(context.ConnectionId).Disconnect(context, CloseStatus, CloseReason);
            }
            catch (Exception e)
            {
                failed++;
                _failed.Add(context.ConnectionId);
                Log.DisconnectFailed(_logger, context.ConnectionId, e.GetType().Name, e.Message);
            }
        }));

        if (failed > 0)
        {
            Log.RoundIncomplete(_logger, this.GetPrimaryKeyString(), failed, contexts.Count);
        }
    }

    private ConnectionContext Compact(ConnectionContext context) => context with
    {
        ApiId = Pooled(context.ApiId),
        Stage = Pooled(context.Stage),
        DomainName = context.DomainName is { } domainName ? Pooled(domainName) : null,
        UserAgent = context.UserAgent is { } userAgent ? Pooled(userAgent) : null,
        Headers = null,
        QueryString = null,
        OfferedSubprotocols = null,
    };

    private string Pooled(string value)
    {
        if (_strings.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        // Client-chosen strings (user agents) must not grow the pool without bound; it is only a cache.
        if (_strings.Count >= PooledStringLimit)
        {
            _strings.Clear();
        }

        _strings[value] = value;
        return value;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Edge shard {Shard}: $disconnect round {Round} for {Count} connections of a dead edge")]
        public static partial void Round(ILogger logger, string shard, int round, int count);

        [LoggerMessage(2, LogLevel.Debug, "Connection {ConnectionId}: its $disconnect could not be queued ({ErrorType}: {Message})")]
        public static partial void DisconnectFailed(ILogger logger, string connectionId, string errorType, string message);

        [LoggerMessage(3, LogLevel.Warning, "Edge shard {Shard}: {Failed} of {Count} $disconnect calls failed; issued again on the next sweep")]
        public static partial void RoundIncomplete(ILogger logger, string shard, int failed, int count);

        [LoggerMessage(4, LogLevel.Error, "Edge shard {Shard}: {Count} connections still had no $disconnect after {Rounds} rounds; their records are dropped")]
        public static partial void GaveUp(ILogger logger, string shard, int count, int rounds);

        [LoggerMessage(5, LogLevel.Warning, "Connection {ConnectionId}: its record could not be removed ({ErrorType}: {Message})")]
        public static partial void RemoveFailed(ILogger logger, string connectionId, string errorType, string message);
    }
}
