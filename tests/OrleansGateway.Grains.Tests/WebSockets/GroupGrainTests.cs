using System.Text;
using OrleansGateway.Errors;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Grains.Tests.WebSockets;

public sealed class GroupGrainTests(WebSocketGrainsFixture fixture) : IClassFixture<WebSocketGrainsFixture>
{
    private static readonly byte[] Hello = Encoding.UTF8.GetBytes("hello");

    private readonly IClusterClient _grains = fixture.Client;

    [Fact]
    public async Task Send_MakesOneCallPerEdgeWithMembers_AndCountsWhatTheEdgesReached()
    {
        await using var a = await JoinedEdge.JoinAsync(_grains);
        await using var b = await JoinedEdge.JoinAsync(_grains);
        await using var idle = await JoinedEdge.JoinAsync(_grains);
        var group = Group("send");
        string[] onA = [a.Open(), a.Open(), a.Open()];
        string[] onB = [b.Open(), b.Open()];
        foreach (var connectionId in onA.Concat(onB))
        {
            Assert.True(await group.Join(connectionId));
        }

        // One socket on A closed without leaving yet: A reaches the other two.
        a.Edge.Open.TryRemove(onA[0], out _);

        Assert.Equal(4, await group.Send(Hello));
        Assert.Equal(onA.Order(), Assert.Single(a.Edge.FanOuts).Order());
        Assert.Equal(onB.Order(), Assert.Single(b.Edge.FanOuts).Order());
        Assert.Empty(idle.Edge.FanOuts);
        Assert.Equal([group.GetPrimaryKeyString()], a.Edge.GroupsOf(onA[1]));
    }

    [Fact]
    public async Task Leave_RemovesTheMember_AndASecondLeaveSaysItWasNotOne()
    {
        await using var a = await JoinedEdge.JoinAsync(_grains);
        var group = Group("leave");
        var stays = a.Open();
        var leaves = a.Open();
        Assert.True(await group.Join(stays));
        Assert.True(await group.Join(leaves));

        Assert.True(await group.Leave(leaves));
        Assert.False(await group.Leave(leaves));

        Assert.Equal(1, await group.Send(Hello));
        Assert.Equal([stays], Assert.Single(a.Edge.FanOuts));
        var page = await group.List(null, 100);
        Assert.Equal(1, page.MemberCount);
        Assert.Equal([stays], page.ConnectionIds);
    }

    [Fact]
    public async Task Join_OfAClosedConnection_IsRefused_AndStoresNothing()
    {
        await using var a = await JoinedEdge.JoinAsync(_grains);
        var group = Group("closed");
        var closed = a.Open();
        a.Edge.Open.TryRemove(closed, out _);
        var writesBefore = fixture.Storage.WritesOf(group.GetGrainId());

        Assert.False(await group.Join(closed));
        Assert.False(await group.Join("not-a-connection-id"));

        Assert.Equal(0, (await group.List(null, 10)).MemberCount);
        Assert.Equal(writesBefore, fixture.Storage.WritesOf(group.GetGrainId()));
    }

    [Fact]
    public async Task MembersOfAnEdgeThatIsGone_AreDroppedOnSend_AndStayDropped()
    {
        await using var a = await JoinedEdge.JoinAsync(_grains);
        await using var b = await JoinedEdge.JoinAsync(_grains);
        var group = Group("dead-edge");
        var live = a.Open();
        Assert.True(await group.Join(live));
        Assert.True(await group.Join(b.Open()));
        Assert.True(await group.Join(b.Open()));

        // B dies: calls to it fail, and the directory no longer knows it.
        b.Edge.Failing = true;
        await b.LeaveAsync();

        Assert.Equal(1, await group.Send(Hello));
        Assert.Equal(1, await group.Send(Hello));
        await fixture.Cluster.DeactivateAsync(group);
        var page = await group.List(null, 100);
        Assert.Equal(1, page.MemberCount);
        Assert.Equal([live], page.ConnectionIds);
    }

    [Fact]
    public async Task AnEdgeWhoseCallFails_CountsZero_AndKeepsItsMembers()
    {
        await using var a = await JoinedEdge.JoinAsync(_grains);
        await using var b = await JoinedEdge.JoinAsync(_grains);
        var group = Group("failing-edge");
        Assert.True(await group.Join(a.Open()));
        Assert.True(await group.Join(b.Open()));
        b.Edge.Failing = true;

        Assert.Equal(1, await group.Send(Hello));

        b.Edge.Failing = false;
        Assert.Equal(2, await group.Send(Hello));
    }

    [Fact]
    public async Task Join_WhileItsEdgeCannotBeReached_Is503NotGone_AndStoresNothing()
    {
        await using var a = await JoinedEdge.JoinAsync(_grains);
        var group = Group("unreachable-edge");
        var connectionId = a.Open();
        a.Edge.Failing = true;

        var error = await Assert.ThrowsAsync<ApiGatewayException>(() => group.Join(connectionId));

        Assert.Equal(("ServiceUnavailableException", 503), (error.ErrorType, error.StatusCode));
        Assert.Equal(0, (await group.List(null, 10)).MemberCount);
        a.Edge.Failing = false;
        Assert.True(await group.Join(connectionId));
    }

    [Fact]
    public async Task Membership_SurvivesDeactivation()
    {
        await using var a = await JoinedEdge.JoinAsync(_grains);
        await using var b = await JoinedEdge.JoinAsync(_grains);
        var group = Group("durable");
        string[] members = [a.Open(), b.Open(), b.Open()];
        foreach (var connectionId in members)
        {
            Assert.True(await group.Join(connectionId));
        }

        await fixture.Cluster.DeactivateAsync(group);

        Assert.Equal(members.Order(StringComparer.Ordinal), (await group.List(null, 100)).ConnectionIds);
        Assert.Equal(3, await group.Send(Hello));
        Assert.Single(a.Edge.FanOuts);
        Assert.Single(b.Edge.FanOuts);
    }

    [Fact]
    public async Task List_PagesInAStableOrder_ThroughChangesBetweenPages()
    {
        await using var a = await JoinedEdge.JoinAsync(_grains);
        await using var b = await JoinedEdge.JoinAsync(_grains);
        var group = Group("paged");
        var members = Enumerable.Range(0, 250).Select(i => i % 2 == 0 ? a.Open() : b.Open()).ToList();
        await Task.WhenAll(members.Select(group.Join));

        var first = await group.List(null, 100);
        // A member already listed leaves: the next page starts where the first ended all the same.
        Assert.True(await group.Leave(first.ConnectionIds[^1]));
        var second = await group.List(first.NextToken, 100);
        var third = await group.List(second.NextToken, 500);

        Assert.Equal((250, 100), (first.MemberCount, first.ConnectionIds.Count));
        Assert.Equal((249, 100), (second.MemberCount, second.ConnectionIds.Count));
        Assert.Equal(50, third.ConnectionIds.Count);
        Assert.Null(third.NextToken);
        Assert.Equal(members.Order(StringComparer.Ordinal), first.ConnectionIds.Concat(second.ConnectionIds).Concat(third.ConnectionIds));
        var whole = await group.List(null, GroupPage.MaxSize);
        Assert.Equal((249, null), (whole.ConnectionIds.Count, whole.NextToken));
        var error = await Assert.ThrowsAsync<ApiGatewayException>(() => group.List("not a token", 10));
        Assert.Equal(("BadRequestException", 400), (error.ErrorType, error.StatusCode));
    }

    [Fact]
    public async Task Join_PastTheMemberLimit_IsRefusedWithLimitExceeded()
    {
        await using var a = await JoinedEdge.JoinAsync(_grains);
        var group = Group("full");
        var joined = await Task.WhenAll(Enumerable.Range(0, WebSocketGrainsFixture.MaxMembers).Select(_ => group.Join(a.Open())));
        Assert.All(joined, Assert.True);

        var error = await Assert.ThrowsAsync<ApiGatewayException>(() => group.Join(a.Open()));

        Assert.Equal(("LimitExceededException", 429), (error.ErrorType, error.StatusCode));
        Assert.Equal(WebSocketGrainsFixture.MaxMembers, (await group.List(null, 1)).MemberCount);
    }

    [Fact]
    public async Task ConcurrentJoins_ShareStorageWrites()
    {
        await using var a = await JoinedEdge.JoinAsync(_grains);
        var group = Group("storm");

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => group.Join(a.Open())));

        Assert.Equal(200, (await group.List(null, 1)).MemberCount);
        Assert.InRange(fixture.Storage.WritesOf(group.GetGrainId()), 1, 20);
    }

    private IGroupGrain Group(string name) => _grains.GetGrain<IGroupGrain>($"{Guid.NewGuid().ToString("N")[..10]}/prod/{name}");
}
