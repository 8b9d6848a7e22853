using System.Diagnostics;
using OrleansGateway.EndToEnd.Tests.WebSockets;

namespace OrleansGateway.Cluster.Tests.Infrastructure;

/// <summary>Connecting to a WebSocket stage through an edge other than the one it was created on.</summary>
internal static class StageSockets
{
    /// <summary>The stage's table reaches the other edge by a push; until then the upgrade is refused.</summary>
    public static async Task<WsClient> ConnectWithinAsync(string url, TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            var (client, status) = await WsClient.TryConnectAsync(url);
            if (client is not null)
            {
                return client;
            }

            Assert.True(started.Elapsed < timeout, $"the upgrade to {url} still answers {(int)status}");
            await Task.Delay(200);
        }
    }
}
