using System.Collections.Concurrent;
using System.Net.WebSockets;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Edge.WebSockets;

/// <summary>
/// The sockets this edge holds, by connection ID, and the upgrades waiting for their
/// <c>$connect</c> outcome. Bounded by the sockets themselves: an entry exists only while its
/// socket (or its pending upgrade) does.
/// </summary>
public sealed class SocketRegistry(WebSocketApiOptions options)
{
    private readonly ConcurrentDictionary<string, ClientConnection> _open = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ConnectOutcome>> _connecting = new(StringComparer.Ordinal);

    public int Count => _open.Count;

    public ICollection<ClientConnection> Connections => _open.Values;

    /// <summary>Waits for the <c>$connect</c> outcome of <paramref name="connectionId"/>.</summary>
    public TaskCompletionSource<ConnectOutcome> ExpectConnect(string connectionId)
    {
        var pending = new TaskCompletionSource<ConnectOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        _connecting[connectionId] = pending;
        return pending;
    }

    public void ForgetConnect(string connectionId) => _connecting.TryRemove(connectionId, out _);

    public void CompleteConnect(string connectionId, ConnectOutcome outcome)
    {
        if (_connecting.TryRemove(connectionId, out var pending))
        {
            pending.TrySetResult(outcome);
        }
    }

    public void Add(ClientConnection connection) => _open[connection.Context.ConnectionId] = connection;

    public void Remove(string connectionId) => _open.TryRemove(connectionId, out _);

    public bool TryGet(string connectionId, out ClientConnection connection) => _open.TryGetValue(connectionId, out connection!);

    /// <summary>The socket, when it is a connection of stage <paramref name="stage"/> of API <paramref name="apiId"/>: a management request reaches only its own stage's connections.</summary>
    public bool TryGet(string connectionId, string apiId, string stage, out ClientConnection connection) =>
        _open.TryGetValue(connectionId, out connection!)
        && string.Equals(connection.Context.ApiId, apiId, StringComparison.Ordinal)
        && string.Equals(connection.Context.Stage, stage, StringComparison.Ordinal);

    public async Task<bool> SendAsync(string connectionId, byte[] payload) =>
        _open.TryGetValue(connectionId, out var connection) && await connection.SendAsync(payload, options.SendTimeout);

    public async Task<int> SendToManyAsync(string[] connectionIds, byte[] payload)
    {
        var sends = new List<Task<bool>>(connectionIds.Length);
        foreach (var connectionId in connectionIds)
        {
            if (_open.TryGetValue(connectionId, out var connection))
            {
                sends.Add(connection.SendAsync(payload, options.SendTimeout));
            }
        }

        var delivered = 0;
        foreach (var sent in await Task.WhenAll(sends))
        {
            delivered += sent ? 1 : 0;
        }

        return delivered;
    }

    public ConnectionDescription? Describe(string connectionId) =>
        _open.TryGetValue(connectionId, out var connection) && connection.CloseStatus == 0
            ? new ConnectionDescription
            {
                ConnectedAt = connection.Context.ConnectedAt,
                LastActiveAt = connection.LastActiveAt,
                SourceIp = connection.Context.SourceIp,
                UserAgent = connection.Context.UserAgent,
            }
            : null;

    /// <summary>Starts closing the socket (1000); its receive loop then runs <c>$disconnect</c>.</summary>
    public bool Close(string connectionId)
    {
        if (!_open.TryGetValue(connectionId, out var connection) || connection.CloseStatus != 0)
        {
            return false;
        }

        _ = connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "Connection deleted", options.SendTimeout);
        return true;
    }

    /// <summary>Closes every socket (1001) without a <c>$disconnect</c>: the cluster ran it already.</summary>
    public Task AbandonAllAsync() => Task.WhenAll(_open.Values.Select(connection =>
    {
        connection.Abandoned = true;
        return connection.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "Going away", options.SendTimeout);
    }));

    public bool JoinedGroup(string connectionId, string groupKey)
    {
        if (!_open.TryGetValue(connectionId, out var connection) || connection.CloseStatus != 0
            || !GroupNames.BelongsTo(groupKey, connection.Context.ApiId, connection.Context.Stage))
        {
            return false;
        }

        connection.Join(groupKey);
        return true;
    }

    public void LeftGroup(string connectionId, string groupKey)
    {
        if (_open.TryGetValue(connectionId, out var connection))
        {
            connection.Leave(groupKey);
        }
    }
}
