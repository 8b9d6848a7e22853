using OrleansGateway.Edges;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Grains.Tests.WebSockets;

public sealed class EdgeConnectionsGrainTests(WebSocketGrainsFixture fixture) : IClassFixture<WebSocketGrainsFixture>
{
    private readonly IClusterClient _grains = fixture.Client;

    [Fact]
    public async Task ConcurrentAdds_ReturnWritten_AndShareStorageWrites()
    {
        await using var edge = await JoinedEdge.JoinAsync(_grains);
        var shard = _grains.GetGrain<IEdgeConnectionsGrain>(EdgeShards.Key(edge.EdgeId, 0));
        var records = Enumerable.Range(0, 500).Select(_ => Record(edge.EdgeId, edge.Open())).ToList();

        await Task.WhenAll(records.Select(shard.Add));

        // Unbatched, each Add is a write of its own (500 here, each 20 ms).
        Assert.InRange(fixture.Storage.WritesOf(shard.GetGrainId()), 1, 25);
    }

    [Fact]
    public async Task DisconnectAll_RunsEachConnectionsDisconnect_WhichRemovesItsRecord_ThenTheShardClears()
    {
        await using var edge = await JoinedEdge.JoinAsync(_grains);
        var byShard = Enumerable.Range(0, 40)
            .Select(_ => edge.Open())
            .GroupBy(connectionId => EdgeShards.KeyOf(edge.EdgeId, connectionId))
            .ToList();
        foreach (var shardRecords in byShard)
        {
            var shard = _grains.GetGrain<IEdgeConnectionsGrain>(shardRecords.Key);
            await Task.WhenAll(shardRecords.Select(connectionId => shard.Add(Record(edge.EdgeId, connectionId))));
        }

        // A shard is done only once each IConnectionGrain ran $disconnect and removed its record.
        foreach (var shardRecords in byShard)
        {
            var shard = _grains.GetGrain<IEdgeConnectionsGrain>(shardRecords.Key);
            var rounds = 0;
            while (!await shard.DisconnectAll())
            {
                Assert.True(++rounds < 100, $"shard {shardRecords.Key} still owes $disconnect");
                await Task.Delay(100);
            }

            Assert.True(rounds > 0, "a shard holding records cannot be done at once");
            Assert.Equal(1, fixture.Storage.ClearsOf(shard.GetGrainId()));
        }
    }

    [Fact]
    public async Task AnEdgeLeavingTheDirectory_HasEveryShardSweptUntilNothingIsOwed()
    {
        var edge = await JoinedEdge.JoinAsync(_grains);
        var connectionId = edge.Open();
        var shard = _grains.GetGrain<IEdgeConnectionsGrain>(EdgeShards.KeyOf(edge.EdgeId, connectionId));
        await shard.Add(Record(edge.EdgeId, connectionId));

        await edge.DisposeAsync();

        // The directory sweeps every 5 s; the shard is cleared once the connection's grain removed the record.
        for (var waited = 0; fixture.Storage.ClearsOf(shard.GetGrainId()) == 0; waited++)
        {
            Assert.True(waited < 300, "the dead edge's shard was never cleared");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task AnEmptyShardOfADeadEdge_IsDoneAtOnce_AndWritesNothing()
    {
        var shard = _grains.GetGrain<IEdgeConnectionsGrain>(EdgeShards.Key(999_999, 7));

        Assert.True(await shard.DisconnectAll());

        Assert.Equal((0, 0), (fixture.Storage.WritesOf(shard.GetGrainId()), fixture.Storage.ClearsOf(shard.GetGrainId())));
    }

    [Fact]
    public async Task Records_SurviveDeactivation()
    {
        await using var edge = await JoinedEdge.JoinAsync(_grains);
        var connectionId = edge.Open();
        var shard = _grains.GetGrain<IEdgeConnectionsGrain>(EdgeShards.KeyOf(edge.EdgeId, connectionId));
        await shard.Add(Record(edge.EdgeId, connectionId));

        await fixture.Cluster.DeactivateAsync(shard);

        // Still owed after a restart: the shard is not done at once.
        Assert.False(await shard.DisconnectAll());
    }

    [Fact]
    public async Task Remove_ForgetsTheRecord_SoNothingIsOwed()
    {
        await using var edge = await JoinedEdge.JoinAsync(_grains);
        var connectionId = edge.Open();
        var shard = _grains.GetGrain<IEdgeConnectionsGrain>(EdgeShards.KeyOf(edge.EdgeId, connectionId));
        await shard.Add(Record(edge.EdgeId, connectionId));

        await shard.Remove(connectionId);

        Assert.True(await shard.DisconnectAll());
    }

    [Fact]
    public async Task Add_ToTheShardOfAnEdgeDeclaredDead_IsRefused()
    {
        await using var edge = await JoinedEdge.JoinAsync(_grains);
        var connectionId = edge.Open();
        var shard = _grains.GetGrain<IEdgeConnectionsGrain>(EdgeShards.Key(edge.EdgeId, 5));
        await shard.Add(Record(edge.EdgeId, connectionId));
        await shard.DisconnectAll();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => shard.Add(Record(edge.EdgeId, edge.Open())));

        Assert.Contains("declared dead", error.Message);
    }

    private static ConnectionRecord Record(int edgeId, string connectionId) => new()
    {
        Context = new ConnectionContext
        {
            ApiId = "noapi00000",
            Stage = "prod",
            ConnectionId = connectionId,
            EdgeId = edgeId,
            ConnectedAt = DateTimeOffset.UtcNow,
            SourceIp = "127.0.0.1",
            UserAgent = "test",
        },
    };
}
