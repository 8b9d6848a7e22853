using System.Net.WebSockets;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>How connections end without their client closing them: idle timeout, lifetime, the edge stopping or dying.</summary>
public sealed class WebSocketLifetimeTests : IAsyncLifetime
{
    private RecordingBackend _backend = null!;

    public async ValueTask InitializeAsync() => _backend = await RecordingBackend.StartAsync();

    public ValueTask DisposeAsync() => _backend.DisposeAsync();

    [Fact]
    public async Task IdleConnection_IsClosedWith1001_AndItsDisconnectRuns()
    {
        await using var edge = await EdgeHost.StartAsync(environment: new Dictionary<string, string> { ["Gateway__WebSockets__IdleTimeout"] = "00:00:02" });
        var (cli, apiId) = await CreateApiAsync(edge);
        await using var client = await WsClient.ConnectAsync(cli.StageUrl(apiId));
        var connectionId = await WhoAmIAsync(client);

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await client.WaitForCloseAsync(TimeSpan.FromSeconds(15)));
        var call = await _backend.NextAsync("/disconnected");
        Assert.Equal(connectionId, call.Headers["x-conn"]);
        Assert.Equal("1001", call.Headers["x-code"]);
    }

    [Fact]
    public async Task BusyConnection_IsStillClosedAtItsLifetime()
    {
        await using var edge = await EdgeHost.StartAsync(environment: new Dictionary<string, string> { ["Gateway__WebSockets__MaxLifetime"] = "00:00:04" });
        var (cli, apiId) = await CreateApiAsync(edge);
        await using var client = await WsClient.ConnectAsync(cli.StageUrl(apiId));
        var started = DateTime.UtcNow;

        WebSocketCloseStatus? closed = null;
        while (closed is null && DateTime.UtcNow - started < TimeSpan.FromSeconds(20))
        {
            await client.SendAsync("""{"action":"whoami"}""");
            if (await client.TryReceiveAsync(TimeSpan.FromSeconds(1)) is null)
            {
                closed = client.Socket.CloseStatus ?? await client.WaitForCloseAsync(TimeSpan.FromSeconds(5));
            }

            await Task.Delay(300);
        }

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, closed);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task GracefulStop_Closes1001_AndRunsEveryDisconnectBeforeExit()
    {
        var edge = await EdgeHost.StartAsync();
        await using (edge)
        {
            var (cli, apiId) = await CreateApiAsync(edge);
            var clients = new List<WsClient>();
            var ids = new HashSet<string>();
            for (var i = 0; i < 5; i++)
            {
                var client = await WsClient.ConnectAsync(cli.StageUrl(apiId));
                clients.Add(client);
                ids.Add(await WhoAmIAsync(client));
            }

            var closes = clients.Select(c => c.WaitForCloseAsync(TimeSpan.FromSeconds(30))).ToList();
            Assert.Equal(0, await edge.Process.StopAsync(TimeSpan.FromSeconds(60)));

            Assert.All(await Task.WhenAll(closes), status => Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, status));
            var disconnected = new HashSet<string>();
            for (var i = 0; i < ids.Count; i++)
            {
                var call = await _backend.NextAsync("/disconnected", TimeSpan.FromSeconds(5));
                Assert.Equal("1001", call.Headers["x-code"]);
                disconnected.Add(call.Headers["x-conn"]);
            }

            Assert.Equal(ids, disconnected);
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task KilledEmbeddedGateway_RunsItsConnectionsDisconnect_AfterItComesBack()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "og-ws-kill-" + Guid.NewGuid().ToString("N"));
        try
        {
            string connectionId;
            await using (var first = await EdgeHost.StartAsync(dataPath))
            {
                var (cli, apiId) = await CreateApiAsync(first);
                var client = await WsClient.ConnectAsync(cli.StageUrl(apiId));
                connectionId = await WhoAmIAsync(client);
                first.Process.Kill();
                await client.DisposeAsync();
            }

            await using var second = await EdgeHost.StartAsync(dataPath);

            // The old edge is declared dead once it has missed its renewals (20 s), then its records are swept.
            var call = await _backend.NextAsync("/disconnected", TimeSpan.FromSeconds(60));
            Assert.Equal(connectionId, call.Headers["x-conn"]);
            Assert.Equal("1006", call.Headers["x-code"]);
        }
        finally
        {
            if (Directory.Exists(dataPath))
            {
                Directory.Delete(dataPath, recursive: true);
            }
        }
    }

    private async Task<(WebSocketApiCli Cli, string ApiId)> CreateApiAsync(EdgeHost edge)
    {
        var cli = new WebSocketApiCli(edge);
        var (apiId, _) = await WhoAmIApi.CreateAsync(cli, $"{_backend.Url}/disconnected");
        return (cli, apiId);
    }

    private static Task<string> WhoAmIAsync(WsClient client) => WhoAmIApi.ConnectionIdOfAsync(client);
}
