using System.Diagnostics;
using System.Net;
using System.Text.Json;
using OrleansGateway.Cluster.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.WebSockets;

namespace OrleansGateway.Cluster.Tests;

/// <summary>
/// Pushes to WebSocket clients across the cluster: posts and group sends made through one edge reach
/// clients held by the other, and keep reaching them after the silo holding a connection's grain is
/// killed (kill -9). The edges have no admin keys, so the management calls are plain loopback HTTP.
/// </summary>
public sealed class WebSocketClusterPushTests(UnsignedClusterFixture cluster, ITestOutputHelper output)
    : IClassFixture<UnsignedClusterFixture>, IDisposable
{
    private static readonly TimeSpan ConnectBudget = TimeSpan.FromSeconds(10);

    /// <summary>How long posts are retried while a killed silo's grains fail over.</summary>
    private static readonly TimeSpan FailoverBudget = TimeSpan.FromSeconds(30);

    /// <summary>A post answered 200 wrote its frame before answering; this only covers the client's read.</summary>
    private static readonly TimeSpan ArrivalBudget = TimeSpan.FromSeconds(10);

    // Longer than an edge waits for a grain (5 s) and for a silo to be declared dead: an edge that keeps a post this long hangs.
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task PostsAndGroupSendsThroughEdgeB_ReachClientsOnEdgeA()
    {
        var (apiId, endpointB) = await WhoAmIApi.CreateAsync(new WebSocketApiCli(cluster.EdgeB));
        var urlA = new WebSocketApiCli(cluster.EdgeA).StageUrl(apiId);
        await using var alice = await StageSockets.ConnectWithinAsync(urlA, ConnectBudget);
        await using var bob = await StageSockets.ConnectWithinAsync(urlA, ConnectBudget);
        await using var carol = await WsClient.ConnectAsync(new WebSocketApiCli(cluster.EdgeB).StageUrl(apiId));
        var (aliceId, bobId, carolId) = (await WhoAmIApi.ConnectionIdOfAsync(alice), await WhoAmIApi.ConnectionIdOfAsync(bob), await WhoAmIApi.ConnectionIdOfAsync(carol));

        Assert.Equal(HttpStatusCode.OK, await PostAsync(endpointB, aliceId, "to alice through B"));
        Assert.Equal("to alice through B", await alice.ReceiveAsync());

        foreach (var member in new[] { aliceId, bobId, carolId })
        {
            using var joined = await _http.PutAsync($"{endpointB}/@groups/room/connections/{Uri.EscapeDataString(member)}", null);
            Assert.Equal(HttpStatusCode.NoContent, joined.StatusCode);
        }

        using var sent = await _http.PostAsync($"{endpointB}/@groups/room", new StringContent("hello room"));
        var answer = await sent.Content.ReadAsStringAsync();

        Assert.True(sent.StatusCode == HttpStatusCode.OK, $"POST @groups/room answered {(int)sent.StatusCode}: {answer}");
        Assert.Equal(3, JsonDocument.Parse(answer).RootElement.GetProperty("delivered").GetInt32());
        Assert.Equal("hello room", await alice.ReceiveAsync());
        Assert.Equal("hello room", await bob.ReceiveAsync());
        Assert.Equal("hello room", await carol.ReceiveAsync());

        Assert.Equal(HttpStatusCode.OK, await PostAsync(endpointB, bobId, "to bob after the group send"));
        Assert.Equal("to bob after the group send", await bob.ReceiveAsync());
    }

    [Fact]
    public async Task PostsThroughEdgeB_StillReachAClientOnEdgeA_AfterTheSiloHoldingItsConnectionGrainIsKilled()
    {
        var (apiId, endpointB) = await WhoAmIApi.CreateAsync(new WebSocketApiCli(cluster.EdgeB));
        var urlA = new WebSocketApiCli(cluster.EdgeA).StageUrl(apiId);
        var client = await StageSockets.ConnectWithinAsync(urlA, ConnectBudget);
        var connectionId = await WhoAmIApi.ConnectionIdOfAsync(client);
        await using var frames = new FrameRecorder(client);
        var posts = new List<PostAttempt>();
        var clock = Stopwatch.StartNew();

        // The connection's grain is active on silo A or silo B (its whoami ran there). Killing A moves
        // it to B if it was on A; the posts after that find it on B, the only silo left, and keep it
        // there (in use, it is not collected), so killing B after C joined kills the silo holding it,
        // wherever it started.
        await PostUntilDeliveredAsync(endpointB, connectionId, "before", posts, clock);
        await KillAndPostAsync(cluster.SiloA, "after-a", endpointB, connectionId, posts, clock);

        var siloC = await cluster.AddSiloAsync();
        await siloC.WaitForActiveMembersAsync(TimeSpan.FromSeconds(10), cluster.SiloB.SiloPort, siloC.SiloPort);
        await PostUntilDeliveredAsync(endpointB, connectionId, "c-joined", posts, clock);
        await KillAndPostAsync(cluster.SiloB, "after-b", endpointB, connectionId, posts, clock);

        output.WriteLine(History(posts));
        var acknowledged = posts.Where(p => (int)p.Status is >= 200 and < 300).Select(p => p.Payload).ToList();
        var missing = await frames.MissingAfterAsync(acknowledged, ArrivalBudget);
        Assert.True(missing.Count == 0, $"posts answered 2xx whose frame never arrived: {string.Join(", ", missing)}\n{History(posts)}\nreceived: {string.Join(", ", frames.Received)}");
    }

    public void Dispose() => _http.Dispose();

    private async Task KillAndPostAsync(SiloHost victim, string label, string endpoint, string connectionId, List<PostAttempt> posts, Stopwatch clock)
    {
        var killedAt = clock.Elapsed;
        victim.Process.Kill();
        await PostUntilDeliveredAsync(endpoint, connectionId, label, posts, clock);
        output.WriteLine($"silo {victim.SiloPort} killed at {killedAt.TotalSeconds:0.0} s; a post got through {(clock.Elapsed - killedAt).TotalSeconds:0.0} s later");
    }

    /// <summary>Posts a new payload each attempt until one is answered 200; 5xx (a failover in progress) is retried, anything else fails the test.</summary>
    private async Task PostUntilDeliveredAsync(string endpoint, string connectionId, string label, List<PostAttempt> posts, Stopwatch clock)
    {
        var started = clock.Elapsed;
        for (var attempt = 0; ; attempt++)
        {
            var payload = $"{label}-{attempt}";
            var status = await PostAsync(endpoint, connectionId, payload);
            posts.Add(new PostAttempt(payload, status, clock.Elapsed));
            if (status == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True((int)status >= 500, $"post {payload} answered {(int)status}, not a transient failure:\n{History(posts)}");
            Assert.True(clock.Elapsed - started < FailoverBudget, $"no post answered 200 within {FailoverBudget.TotalSeconds} s:\n{History(posts)}");
            await Task.Delay(250);
        }
    }

    private async Task<HttpStatusCode> PostAsync(string endpoint, string connectionId, string payload)
    {
        using var answer = await _http.PostAsync($"{endpoint}/@connections/{Uri.EscapeDataString(connectionId)}", new StringContent(payload));
        return answer.StatusCode;
    }

    private static string History(IEnumerable<PostAttempt> posts) => string.Join('\n', posts);

    /// <summary>One post: its payload (unique to the attempt), what the edge answered, and when (since the test began).</summary>
    private sealed record PostAttempt(string Payload, HttpStatusCode Status, TimeSpan At)
    {
        public override string ToString() => $"{At.TotalSeconds,6:0.00} s  {Payload}: {(int)Status}";
    }
}
