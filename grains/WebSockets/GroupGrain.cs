using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using OrleansGateway.Edges;
using OrleansGateway.Errors;
using OrleansGateway.Storage;

namespace OrleansGateway.WebSockets;

/// <summary>
/// A group of one stage's connections, members kept by the edge holding them and persisted on every
/// join and leave. A send is one <see cref="IEdgeObserver.SendToMany"/> call per edge with members, in
/// parallel, or with <see cref="GroupFanOut.Streams"/> one message on the group's stream that those
/// edges subscribe to, the answer summed from the edges' <see cref="Delivered"/> reports. Reentrant so that joins of a connect storm share storage writes (<see cref="GroupCommit{T}"/>)
/// and a send waiting on a slow edge holds up neither joins nor other sends; the state changes only
/// inside the commit, and answers read what was written.
/// </summary>
[Reentrant]
public sealed partial class GroupGrain : Grain, IGroupGrain
{

    private readonly IPersistentState<GroupState> _state;
    private readonly GroupCommit<GroupState> _commit;
    private readonly EdgeLocator _edges;
    private readonly GroupOptions _options;
    private readonly ILogger<GroupGrain> _logger;

    // Joins asked of the edge and not yet written: counted against the limit, and a Leave meanwhile cancels them.
    private readonly HashSet<string> _joining = new(StringComparer.Ordinal);

    // Built from the written state, dropped by each change to it.
    private readonly Dictionary<int, string[]> _sendLists = [];
    private string[]? _sorted;

    // Stream sends waiting for their edges' delivery reports.
    private readonly Dictionary<Guid, GroupReceipt> _receipts = [];

    public GroupGrain(
        [PersistentState("state", StorageNames.Gateway)] IPersistentState<GroupState> state,
        EdgeLocator edges,
        IOptions<GroupOptions> options,
        ILogger<GroupGrain> logger)
    {
        _state = state;
        _edges = edges;
        _options = options.Value;
        _logger = logger;
        _commit = new GroupCommit<GroupState>(state, this) { ClearWhen = s => s.Members.Count == 0 };
    }

    private string GroupKey => this.GetPrimaryKeyString();

    private int MemberCount => _state.State.Members.Values.Sum(members => members.Count);

    public async Task<bool> Join(string connectionId)
    {
        var edgeId = ConnectionIds.EdgeOf(connectionId);
        if (edgeId < 1)
        {
            return false;
        }

        if (IsMember(edgeId, connectionId))
        {
            return true;
        }

        if (MemberCount + _joining.Count >= _options.MaxMembers)
        {
            throw new ApiGatewayException("LimitExceededException", 429, $"Group has reached its limit of {_options.MaxMembers} members");
        }

        _joining.Add(connectionId);
        try
        {
            // The edge remembers the group on the connection, so the connection leaves it when it closes.
            if (!await TellJoinedAsync(edgeId, connectionId) || !_joining.Contains(connectionId))
            {
                return false;
            }

            await _commit.Enqueue(s =>
            {
                // From here on it counts as a member, not as joining.
                _joining.Remove(connectionId);
                if (!s.Members.TryGetValue(edgeId, out var members))
                {
                    s.Members[edgeId] = members = new HashSet<string>(StringComparer.Ordinal);
                }

                members.Add(connectionId);
                Changed(edgeId);
            });
            return true;
        }
        finally
        {
            _joining.Remove(connectionId);
        }
    }

    public async Task<bool> Leave(string connectionId)
    {
        var edgeId = ConnectionIds.EdgeOf(connectionId);
        var wasJoining = _joining.Remove(connectionId);
        if (!IsMember(edgeId, connectionId) && !wasJoining)
        {
            return false;
        }

        await _commit.Enqueue(s =>
        {
            if (s.Members.TryGetValue(edgeId, out var members) && members.Remove(connectionId) && members.Count == 0)
            {
                s.Members.Remove(edgeId);
            }

            Changed(edgeId);
        });
        _ = TellLeftAsync(edgeId, connectionId);
        return true;
    }

    public async Task<int> Send(byte[] payload)
    {
        if (_options.FanOut == GroupFanOut.Streams)
        {
            return await SendOnStreamAsync(payload);
        }

        var counts = await Task.WhenAll(_state.State.Members.Keys.ToList().Select(edgeId => SendToEdgeAsync(edgeId, payload)));
        return counts.Sum();
    }

    public async Task<GroupPage> List(string? nextToken, int maxResults)
    {
        var pageSize = Math.Clamp(maxResults, 1, GroupPage.MaxSize);
        var after = nextToken is null ? null : ReadToken(nextToken);

        // Members of edges that died since are not listed (nor counted).
        await Task.WhenAll(_state.State.Members.Keys.ToList().Select(DropIfGoneAsync));

        var sorted = _sorted ??= [.. _state.State.Members.Values.SelectMany(members => members).Order(StringComparer.Ordinal)];
        var start = 0;
        if (after is not null)
        {
            // Continues after the last ID handed out, so members joining or leaving between pages shift nothing.
            var found = Array.BinarySearch(sorted, after, StringComparer.Ordinal);
            start = found >= 0 ? found + 1 : ~found;
        }

        var end = Math.Min(start + pageSize, sorted.Length);
        return new GroupPage
        {
            MemberCount = sorted.Length,
            ConnectionIds = [.. sorted[start..end]],
            NextToken = end < sorted.Length ? WriteToken(sorted[end - 1]) : null,
        };
    }

    public Task Delivered(Guid sendId, int edgeId, int count)
    {
        if (_receipts.TryGetValue(sendId, out var receipt))
        {
            receipt.Report(edgeId, count);
        }

        return Task.CompletedTask;
    }

    public Task DropEdge(int edgeId) => _state.State.Members.ContainsKey(edgeId)
        ? _commit.Enqueue(s =>
        {
            s.Members.Remove(edgeId);
            Changed(edgeId);
        })
        : Task.CompletedTask;

    private bool IsMember(int edgeId, string connectionId) =>
        _state.State.Members.TryGetValue(edgeId, out var members) && members.Contains(connectionId);

    private void Changed(int edgeId)
    {
        _sendLists.Remove(edgeId);
        _sorted = null;
    }

    private async Task<int> SendToEdgeAsync(int edgeId, byte[] payload)
    {
        if (!_state.State.Members.TryGetValue(edgeId, out var members))
        {
            return 0;
        }

        if (!_sendLists.TryGetValue(edgeId, out var connectionIds))
        {
            _sendLists[edgeId] = connectionIds = [.. members];
        }

        IEdgeObserver? edge;
        try
        {
            edge = await _edges.FindAsync(edgeId);
            if (edge is null)
            {
                Log.EdgeGone(_logger, GroupKey, edgeId, connectionIds.Length);
                await DropEdge(edgeId);
                return 0;
            }

            return await edge.SendToMany(connectionIds, payload);
        }
        catch (Exception e)
        {
            // An edge that cannot be reached reached nobody; the directory declares it dead if it stays so.
            Log.SendFailed(_logger, GroupKey, edgeId, connectionIds.Length, e.GetType().Name, e.Message);
            _edges.Forget(edgeId);
            return 0;
        }
    }

    /// <summary>
    /// A stream only says the message was queued, so the count comes from the edges: each subscribed edge
    /// reports how many of its sockets took the message, and edges that are gone or silent reached nobody.
    /// </summary>
    private async Task<int> SendOnStreamAsync(byte[] payload)
    {
        await Task.WhenAll(_state.State.Members.Keys.ToList().Select(DropIfGoneAsync));
        if (_state.State.Members.Count == 0)
        {
            return 0;
        }

        var sendId = Guid.NewGuid();
        var receipt = new GroupReceipt([.. _state.State.Members.Keys]);
        _receipts[sendId] = receipt;
        try
        {
            var stream = this.GetStreamProvider(GroupStreams.ProviderName).GetStream<GroupMessage>(StreamId.Create(GroupStreams.Namespace, GroupKey));
            await stream.OnNextAsync(new GroupMessage { SendId = sendId, Payload = payload });
            await receipt.AllReported.WaitAsync(_options.ReceiptTimeout);
        }
        catch (TimeoutException)
        {
            Log.ReceiptsMissing(_logger, GroupKey, _options.ReceiptTimeout.TotalSeconds);
        }
        finally
        {
            _receipts.Remove(sendId);
        }

        return receipt.Delivered;
    }

    private async Task DropIfGoneAsync(int edgeId)
    {
        try
        {
            if (await _edges.FindAsync(edgeId) is null)
            {
                await DropEdge(edgeId);
            }
        }
        catch (Exception e)
        {
            Log.EdgeCheckFailed(_logger, GroupKey, edgeId, e.GetType().Name, e.Message);
        }
    }

    private async Task<bool> TellJoinedAsync(int edgeId, string connectionId)
    {
        try
        {
            return await _edges.FindAsync(edgeId) is { } edge && await edge.JoinedGroup(connectionId, GroupKey);
        }
        catch (Exception e)
        {
            // As for a post: a known edge that cannot be reached just now is no proof the connection is gone.
            Log.EdgeUnreachable(_logger, GroupKey, edgeId, e.GetType().Name, e.Message);
            _edges.Forget(edgeId);
            throw ApiGatewayException.ServiceUnavailable(ConnectionGrain.EdgeUnreachableMessage);
        }
    }

    private async Task TellLeftAsync(int edgeId, string connectionId)
    {
        try
        {
            if (await _edges.FindAsync(edgeId) is { } edge)
            {
                await edge.LeftGroup(connectionId, GroupKey);
            }
        }
        catch (Exception e)
        {
            // The edge only asks to leave again when the connection closes.
            Log.EdgeUnreachable(_logger, GroupKey, edgeId, e.GetType().Name, e.Message);
        }
    }

    private static string WriteToken(string lastConnectionId) => Convert.ToBase64String(Encoding.UTF8.GetBytes(lastConnectionId));

    private static string ReadToken(string nextToken)
    {
        Span<byte> bytes = stackalloc byte[ConnectionIds.Length];
        if (nextToken.Length > 2 * ConnectionIds.Length
            || !Convert.TryFromBase64String(nextToken, bytes, out var written)
            || written != ConnectionIds.Length)
        {
            throw ApiGatewayException.BadRequest("Invalid pagination token specified");
        }

        return Encoding.UTF8.GetString(bytes[..written]);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Group {Group}: edge {EdgeId} is gone; its {Count} members are dropped")]
        public static partial void EdgeGone(ILogger logger, string group, int edgeId, int count);

        [LoggerMessage(2, LogLevel.Warning, "Group {Group}: sending to {Count} members on edge {EdgeId} failed ({ErrorType}: {Message})")]
        public static partial void SendFailed(ILogger logger, string group, int edgeId, int count, string errorType, string message);

        [LoggerMessage(3, LogLevel.Debug, "Group {Group}: edge {EdgeId} could not be reached ({ErrorType}: {Message})")]
        public static partial void EdgeUnreachable(ILogger logger, string group, int edgeId, string errorType, string message);

        [LoggerMessage(4, LogLevel.Debug, "Group {Group}: whether edge {EdgeId} lives could not be learned ({ErrorType}: {Message})")]
        public static partial void EdgeCheckFailed(ILogger logger, string group, int edgeId, string errorType, string message);

        [LoggerMessage(5, LogLevel.Warning, "Group {Group}: not every edge reported its delivery within {Seconds} s; those that did not count as none")]
        public static partial void ReceiptsMissing(ILogger logger, string group, double seconds);
    }
}
