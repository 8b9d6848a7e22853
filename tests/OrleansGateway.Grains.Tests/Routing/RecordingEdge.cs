using System.Threading.Channels;
using OrleansGateway.Edges;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Grains.Tests.Routing;

/// <summary>An edge's routing observer that writes down every notice, for tests to read in arrival order.</summary>
public sealed class RecordingEdge : IEdgeObserver
{
    private readonly Channel<string> _heard = Channel.CreateUnbounded<string>();

    public Task ApiChanged(string apiId) => _heard.Writer.WriteAsync($"api {apiId}").AsTask();

    public Task StageChanged(string apiId, string stageName) => _heard.Writer.WriteAsync($"stage {apiId}/{stageName}").AsTask();

    public Task ApiDirectoryChanged(long version) => _heard.Writer.WriteAsync($"directory {version}").AsTask();

    public Task DomainNamesChanged() => _heard.Writer.WriteAsync("domain names").AsTask();

    public Task ApiKeysChanged() => _heard.Writer.WriteAsync("api keys").AsTask();

    public Task ConnectCompleted(string connectionId, ConnectOutcome outcome) => _heard.Writer.WriteAsync($"connect {connectionId} {outcome.StatusCode}").AsTask();

    public async Task<bool> Send(string connectionId, byte[] payload)
    {
        await _heard.Writer.WriteAsync($"send {connectionId} {System.Text.Encoding.UTF8.GetString(payload)}");
        return true;
    }

    public async Task<int> SendToMany(string[] connectionIds, byte[] payload)
    {
        await _heard.Writer.WriteAsync($"send {string.Join(",", connectionIds)} {System.Text.Encoding.UTF8.GetString(payload)}");
        return connectionIds.Length;
    }

    public Task<bool> Post(string connectionId, string apiId, string stage, byte[] payload) => Send(connectionId, payload);

    public Task<ConnectionDescription?> Describe(string connectionId, string apiId, string stage) => Task.FromResult<ConnectionDescription?>(null);

    public Task<bool> Close(string connectionId, string apiId, string stage) => Task.FromResult(false);

    public Task<bool> JoinedGroup(string connectionId, string groupKey) => Task.FromResult(true);

    public Task LeftGroup(string connectionId, string groupKey) => Task.CompletedTask;

    public async Task<string> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _heard.Reader.ReadAsync(timeout.Token);
    }
}
