using System.Net;
using System.Text.Json;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>
/// The groups API (beyond AWS) with plain HTTP requests, as curl would send them, from a loopback caller of
/// an edge without keys; run once per fan-out variant (<see cref="GroupManagementObserverTests"/>, <see cref="GroupManagementStreamTests"/>).
/// </summary>
public abstract class GroupManagementTests(WebSocketEdgeFixture fixture) : IDisposable
{
    private readonly WebSocketApiCli _cli = new(fixture.Edge);
    private readonly HttpClient _http = new();

    [Fact]
    public async Task JoinedMembers_GetAGroupSend_NonMembersDoNot_AndLeavingStopsIt()
    {
        var (apiId, endpoint) = await WhoAmIApi.CreateAsync(_cli);
        await using var alice = await WsClient.ConnectAsync(_cli.StageUrl(apiId));
        await using var bob = await WsClient.ConnectAsync(_cli.StageUrl(apiId));
        await using var carol = await WsClient.ConnectAsync(_cli.StageUrl(apiId));
        var (aliceId, bobId, carolId) = (await WhoAmIApi.ConnectionIdOfAsync(alice), await WhoAmIApi.ConnectionIdOfAsync(bob), await WhoAmIApi.ConnectionIdOfAsync(carol));

        Assert.Equal(HttpStatusCode.NoContent, await JoinAsync(endpoint, "room-1", aliceId));
        Assert.Equal(HttpStatusCode.NoContent, await JoinAsync(endpoint, "room-1", bobId));
        Assert.Equal(HttpStatusCode.NoContent, await JoinAsync(endpoint, "room-1", bobId));
        var sent = await SendAsync(endpoint, "room-1", "hello room");
        using var direct = await _http.PostAsync($"{endpoint}/@connections/{Uri.EscapeDataString(carolId)}", new StringContent("just carol"));

        Assert.Equal(2, sent.GetProperty("delivered").GetInt32());
        Assert.Equal("hello room", await alice.ReceiveAsync());
        Assert.Equal("hello room", await bob.ReceiveAsync());
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        Assert.Equal("just carol", await carol.ReceiveAsync()); // the group send did not come first

        using var left = await _http.DeleteAsync($"{endpoint}/@groups/room-1/connections/{Uri.EscapeDataString(bobId)}");
        using var leftAgain = await _http.DeleteAsync($"{endpoint}/@groups/room-1/connections/{Uri.EscapeDataString(bobId)}");
        var afterLeave = await SendAsync(endpoint, "room-1", "bob left");

        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, leftAgain.StatusCode);
        Assert.Equal(1, afterLeave.GetProperty("delivered").GetInt32());
        Assert.Equal("bob left", await alice.ReceiveAsync());
        var members = await ListAsync(endpoint, "room-1");
        Assert.Equal(1, members.GetProperty("memberCount").GetInt32());
        Assert.Equal([aliceId], members.GetProperty("connectionIds").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public async Task AnotherApisStage_DoesNotReachTheConnection_ByPostGetDeleteOrJoin()
    {
        var (apiId, endpoint) = await WhoAmIApi.CreateAsync(_cli);
        var (_, otherEndpoint) = await WhoAmIApi.CreateAsync(_cli);
        await using var alice = await WsClient.ConnectAsync(_cli.StageUrl(apiId));
        var aliceId = Uri.EscapeDataString(await WhoAmIApi.ConnectionIdOfAsync(alice));

        using var post = await _http.PostAsync($"{otherEndpoint}/@connections/{aliceId}", new StringContent("not for you"));
        using var get = await _http.GetAsync($"{otherEndpoint}/@connections/{aliceId}");
        using var delete = await _http.DeleteAsync($"{otherEndpoint}/@connections/{aliceId}");
        var join = await JoinAsync(otherEndpoint, "elsewhere", Uri.UnescapeDataString(aliceId));

        Assert.Equal([HttpStatusCode.Gone, HttpStatusCode.Gone, HttpStatusCode.Gone, HttpStatusCode.Gone], [post.StatusCode, get.StatusCode, delete.StatusCode, join]);
        Assert.Equal(0, (await SendAsync(otherEndpoint, "elsewhere", "nobody")).GetProperty("delivered").GetInt32());
        using var own = await _http.PostAsync($"{endpoint}/@connections/{aliceId}", new StringContent("for alice"));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("for alice", await alice.ReceiveAsync()); // nothing from the other API came first
    }

    [Fact]
    public async Task ListingMembers_PagesWithMaxResultsAndNextToken()
    {
        var (apiId, endpoint) = await WhoAmIApi.CreateAsync(_cli);
        var sockets = new List<WsClient>();
        try
        {
            var ids = new HashSet<string>();
            for (var i = 0; i < 5; i++)
            {
                var socket = await WsClient.ConnectAsync(_cli.StageUrl(apiId));
                sockets.Add(socket);
                var id = await WhoAmIApi.ConnectionIdOfAsync(socket);
                ids.Add(id);
                Assert.Equal(HttpStatusCode.NoContent, await JoinAsync(endpoint, "paged", id));
            }

            var seen = new List<string>();
            string? token = null;
            var pages = 0;
            do
            {
                var page = await ListAsync(endpoint, "paged", $"maxResults=2{(token is null ? string.Empty : "&nextToken=" + Uri.EscapeDataString(token))}");
                Assert.Equal(5, page.GetProperty("memberCount").GetInt32());
                var pageIds = page.GetProperty("connectionIds").EnumerateArray().Select(e => e.GetString()!).ToList();
                Assert.InRange(pageIds.Count, 1, 2);
                seen.AddRange(pageIds);
                token = page.TryGetProperty("nextToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            }
            while (token is not null && ++pages < 10);

            Assert.Equal(3, pages + 1);
            Assert.Equal(ids.Order(), seen.Order());
        }
        finally
        {
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task BadGroupNamesAndMaxResults_Are400BadRequestException()
    {
        var (_, endpoint) = await WhoAmIApi.CreateAsync(_cli);

        foreach (var name in new[] { "bad%21name", "sp%20ace", new string('g', 129) })
        {
            using var answer = await _http.PostAsync($"{endpoint}/@groups/{name}", new StringContent("x"));
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Equal("BadRequestException", answer.Headers.GetValues("x-amzn-ErrorType").Single());
        }

        foreach (var maxResults in new[] { "0", "-1", "abc", "1001" })
        {
            using var answer = await _http.GetAsync($"{endpoint}/@groups/fine?maxResults={maxResults}");
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        }

        using var longest = await _http.PostAsync($"{endpoint}/@groups/{new string('g', 128)}", new StringContent("x"));
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await longest.Content.ReadAsStringAsync()).RootElement.GetProperty("delivered").GetInt32());
    }

    [Fact]
    public async Task JoiningWithAMadeUpOrClosedConnection_IsGone()
    {
        var (apiId, endpoint) = await WhoAmIApi.CreateAsync(_cli);
        var socket = await WsClient.ConnectAsync(_cli.StageUrl(apiId));
        var closedId = await WhoAmIApi.ConnectionIdOfAsync(socket);
        await socket.CloseAsync();
        await socket.DisposeAsync();

        Assert.Equal(HttpStatusCode.Gone, await JoinAsync(endpoint, "room", "L0SM9c/FvH+CIhw="));
        var status = HttpStatusCode.NoContent;
        for (var attempt = 0; attempt < 20 && status != HttpStatusCode.Gone; attempt++)
        {
            status = await JoinAsync(endpoint, "room-closed", closedId);
            await Task.Delay(status == HttpStatusCode.Gone ? 0 : 100);
        }

        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Equal(0, (await ListAsync(endpoint, "room-closed")).GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task AConnectionThatDisconnects_LeavesItsGroups()
    {
        var (apiId, endpoint) = await WhoAmIApi.CreateAsync(_cli);
        var socket = await WsClient.ConnectAsync(_cli.StageUrl(apiId));
        var id = await WhoAmIApi.ConnectionIdOfAsync(socket);
        Assert.Equal(HttpStatusCode.NoContent, await JoinAsync(endpoint, "ephemeral", id));
        Assert.Equal(1, (await ListAsync(endpoint, "ephemeral")).GetProperty("memberCount").GetInt32());

        await socket.CloseAsync();
        await socket.DisposeAsync();

        var count = 1;
        for (var attempt = 0; attempt < 50 && count > 0; attempt++)
        {
            await Task.Delay(100);
            count = (await ListAsync(endpoint, "ephemeral")).GetProperty("memberCount").GetInt32();
        }

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task GroupSendOver128KB_IsPayloadTooLarge()
    {
        var (_, endpoint) = await WhoAmIApi.CreateAsync(_cli);

        using var answer = await _http.PostAsync($"{endpoint}/@groups/big", new ByteArrayContent(new byte[(128 * 1024) + 1]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Equal("PayloadTooLargeException", answer.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    public void Dispose()
    {
        _http.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<HttpStatusCode> JoinAsync(string endpoint, string group, string connectionId)
    {
        using var answer = await _http.PutAsync($"{endpoint}/@groups/{group}/connections/{Uri.EscapeDataString(connectionId)}", null);
        return answer.StatusCode;
    }

    private async Task<JsonElement> SendAsync(string endpoint, string group, string text)
    {
        using var answer = await _http.PostAsync($"{endpoint}/@groups/{group}", new StringContent(text));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<JsonElement> ListAsync(string endpoint, string group, string query = "")
    {
        using var answer = await _http.GetAsync($"{endpoint}/@groups/{group}?{query}");
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"GET @groups/{group} answered {(int)answer.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
