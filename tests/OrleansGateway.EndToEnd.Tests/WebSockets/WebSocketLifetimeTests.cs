using System.Net.WebSockets;
using System.Text.Json;
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
        var apiId = await cli.CreateApiAsync();
        var mock = await cli.CreateIntegrationAsync(apiId, "MOCK", null,
            "--template-selection-expression", "\\$default",
            "--request-templates", """{"$default":"{\"statusCode\": 200}"}""");
        await cli.CreateIntegrationResponseAsync(apiId, mock, "$default",
            "--template-selection-expression", "\\$default",
            "--response-templates", """{"$default":"{\"connectionId\": \"$context.connectionId\"}"}""");
        var route = await cli.CreateRouteAsync(apiId, "whoami", mock, "--route-response-selection-expression", "$default");
        await cli.CreateRouteResponseAsync(apiId, route);
        var disconnect = await cli.CreateIntegrationAsync(apiId, "HTTP", $"{_backend.Url}/disconnected",
            "--request-parameters", """{"integration.request.header.x-conn":"context.connectionId","integration.request.header.x-code":"context.disconnectStatusCode"}""");
        await cli.CreateRouteAsync(apiId, "$disconnect", disconnect);
        await cli.CreateStageAsync(apiId);
        return (cli, apiId);
    }

    private static async Task<string> WhoAmIAsync(WsClient client)
    {
        await client.SendAsync("""{"action":"whoami"}""");
        return JsonDocument.Parse(await client.ReceiveAsync()).RootElement.GetProperty("connectionId").GetString()!;
    }
}
