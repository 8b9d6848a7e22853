using System.Collections.Concurrent;
using OrleansGateway.Edges;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Grains.Tests.WebSockets;

/// <summary>An edge holding the sockets a test opens: it answers for those only and writes down each fan-out call it gets.</summary>
public sealed class SocketsEdge : IEdgeObserver
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<string>> _groups = new();

    public ConcurrentDictionary<string, bool> Open { get; } = new();

    public ConcurrentQueue<string[]> FanOuts { get; } = new();

    /// <summary>Calls that reach sockets (send, fan-out, join, close) throw, as from an edge that cannot be reached.</summary>
    public bool Failing { get; set; }

    public IReadOnlyCollection<string> GroupsOf(string connectionId) => _groups.GetValueOrDefault(connectionId) ?? [];

    public Task ApiChanged(string apiId) => Task.CompletedTask;

    public Task StageChanged(string apiId, string stageName) => Task.CompletedTask;

    public Task ApiDirectoryChanged(long version) => Task.CompletedTask;

    public Task DomainNamesChanged() => Task.CompletedTask;

    public Task ApiKeysChanged() => Task.CompletedTask;

    public Task ConnectCompleted(string connectionId, ConnectOutcome outcome) => Task.CompletedTask;

    public Task<bool> Send(string connectionId, byte[] payload)
    {
        ThrowIfFailing();
        return Task.FromResult(Open.ContainsKey(connectionId));
    }

    public Task<int> SendToMany(string[] connectionIds, byte[] payload)
    {
        ThrowIfFailing();
        FanOuts.Enqueue(connectionIds);
        return Task.FromResult(connectionIds.Count(Open.ContainsKey));
    }

    public Task<bool> Post(string connectionId, string apiId, string stage, byte[] payload) => Send(connectionId, payload);

    public Task<ConnectionDescription?> Describe(string connectionId, string apiId, string stage) => Task.FromResult<ConnectionDescription?>(null);

    public Task<bool> Close(string connectionId, string apiId, string stage)
    {
        ThrowIfFailing();
        return Task.FromResult(Open.TryRemove(connectionId, out _));
    }

    public Task<bool> JoinedGroup(string connectionId, string groupKey)
    {
        ThrowIfFailing();
        if (!Open.ContainsKey(connectionId))
        {
            return Task.FromResult(false);
        }

        _groups.GetOrAdd(connectionId, _ => []).Add(groupKey);
        return Task.FromResult(true);
    }

    public Task LeftGroup(string connectionId, string groupKey) => Task.CompletedTask;

    private void ThrowIfFailing()
    {
        if (Failing)
        {
            throw new InvalidOperationException("edge unreachable (test)");
        }
    }
}
