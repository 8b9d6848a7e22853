using System.Threading.Channels;
using OrleansGateway.Routing;

namespace OrleansGateway.Grains.Tests.Routing;

/// <summary>An edge's routing observer that writes down every notice, for tests to read in arrival order.</summary>
public sealed class RecordingEdge : IRoutingObserver
{
    private readonly Channel<string> _heard = Channel.CreateUnbounded<string>();

    public Task ApiChanged(string apiId) => _heard.Writer.WriteAsync($"api {apiId}").AsTask();

    public Task StageChanged(string apiId, string stageName) => _heard.Writer.WriteAsync($"stage {apiId}/{stageName}").AsTask();

    public Task ApiDirectoryChanged(long version) => _heard.Writer.WriteAsync($"directory {version}").AsTask();

    public Task DomainNamesChanged() => _heard.Writer.WriteAsync("domain names").AsTask();

    public async Task<string> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _heard.Reader.ReadAsync(timeout.Token);
    }
}
