using System.Diagnostics;
using System.Text.Json;
using OrleansGateway.Cluster.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.WebSockets;

namespace OrleansGateway.Cluster.Tests;

/// <summary>
/// An edge killed with SIGKILL together with a silo: every connection it held still gets its
/// <c>$disconnect</c> (1006) within 60 s, wherever the edge directory, the connection shards and the
/// connection grains were placed.
/// </summary>
public sealed class WebSocketEdgeDeathTests(ClusterFixture cluster, ITestOutputHelper output) : IClassFixture<ClusterFixture>, IAsyncLifetime
{
    private static readonly TimeSpan DisconnectBudget = TimeSpan.FromSeconds(60);

    private RecordingBackend _backend = null!;

    public async ValueTask InitializeAsync() => _backend = await RecordingBackend.StartAsync();

    public ValueTask DisposeAsync() => _backend.DisposeAsync();

    [Fact]
    public async Task KillingAnEdgeAndASilo_RunsEveryConnectionsDisconnectWithin60s()
    {
        var cli = new WebSocketApiCli(cluster.EdgeB);
        var apiId = await cli.CreateApiAsync();
        var whoami = await cli.CreateIntegrationAsync(apiId, "MOCK", null,
            "--template-selection-expression", "\\$default",
            "--request-templates", """{"$default":"{\"statusCode\": 200}"}""");
        await cli.CreateIntegrationResponseAsync(apiId, whoami, "$default",
            "--template-selection-expression", "\\$default",
            "--response-templates", """{"$default":"{\"connectionId\": \"$context.connectionId\"}"}""");
        var route = await cli.CreateRouteAsync(apiId, "whoami", whoami, "--route-response-selection-expression", "$default");
        await cli.CreateRouteResponseAsync(apiId, route);
        var disconnect = await cli.CreateIntegrationAsync(apiId, "HTTP", $"{_backend.Url}/disconnected",
            "--request-parameters", """{"integration.request.header.x-conn":"context.connectionId","integration.request.header.x-code":"context.disconnectStatusCode"}""");
        await cli.CreateRouteAsync(apiId, "$disconnect", disconnect);
        await cli.CreateStageAsync(apiId);

        // Enough connections that their records and grains land on both silos.
        var url = new WebSocketApiCli(cluster.EdgeA).StageUrl(apiId);
        var clients = new List<WsClient>();
        var connectionIds = new HashSet<string>();
        for (var i = 0; i < 12; i++)
        {
            var client = await StageSockets.ConnectWithinAsync(url, TimeSpan.FromSeconds(10));
            clients.Add(client);
            await client.SendAsync("""{"action":"whoami"}""");
            connectionIds.Add(JsonDocument.Parse(await client.ReceiveAsync()).RootElement.GetProperty("connectionId").GetString()!);
        }

        var killed = Stopwatch.StartNew();
        cluster.EdgeA.Process.Kill();
        cluster.SiloA.Process.Kill();

        var disconnected = new Dictionary<string, string>();
        while (!connectionIds.IsSubsetOf(disconnected.Keys))
        {
            var left = DisconnectBudget - killed.Elapsed;
            Assert.True(left > TimeSpan.Zero, $"after {killed.Elapsed.TotalSeconds:0.0} s only {disconnected.Count} of {connectionIds.Count} $disconnect calls arrived");
            try
            {
                var call = await _backend.NextAsync("/disconnected", left);
                disconnected[call.Headers["x-conn"]] = call.Headers["x-code"];
            }
            catch (OperationCanceledException)
            {
            }
        }

        output.WriteLine($"every $disconnect arrived {killed.Elapsed.TotalSeconds:0.0} s after the kill");
        Assert.All(connectionIds, connectionId => Assert.Equal("1006", disconnected[connectionId]));
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }
}
