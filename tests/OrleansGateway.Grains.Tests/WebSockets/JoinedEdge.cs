using OrleansGateway.Edges;
using OrleansGateway.Routing;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Grains.Tests.WebSockets;

/// <summary>A <see cref="SocketsEdge"/> joined to the edge directory under an ID of its own, opening connections with IDs that name it.</summary>
public sealed class JoinedEdge : IAsyncDisposable
{
    private static int s_sequence;

    private readonly IClusterClient _client;
    private readonly IEdgeObserver _reference;
    private readonly byte[] _key;
    private bool _left;

    private JoinedEdge(IClusterClient client, SocketsEdge edge, IEdgeObserver reference, EdgeRegistration registration)
    {
        _client = client;
        Edge = edge;
        _reference = reference;
        EdgeId = registration.EdgeId;
        _key = registration.ConnectionIdKey;
    }

    public SocketsEdge Edge { get; }

    public int EdgeId { get; }

    public static async Task<JoinedEdge> JoinAsync(IClusterClient client)
    {
        var edge = new SocketsEdge();
        var reference = client.CreateObjectReference<IEdgeObserver>(edge);
        var registration = await client.GetGrain<IEdgeDirectoryGrain>(0).Join(reference);
        return new JoinedEdge(client, edge, reference, registration);
    }

    /// <summary>A new connection ID naming this edge, its socket open.</summary>
    public string Open()
    {
        var connectionId = ConnectionIds.Create(EdgeId, (uint)Interlocked.Increment(ref s_sequence), _key);
        Edge.Open[connectionId] = true;
        return connectionId;
    }

    /// <summary>Leaves the directory, as a stopping edge does: from now on it is gone for every grain.</summary>
    public async Task LeaveAsync()
    {
        if (!_left)
        {
            _left = true;
            await _client.GetGrain<IEdgeDirectoryGrain>(0).Leave(EdgeId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await LeaveAsync();
        _client.DeleteObjectReference<IEdgeObserver>(_reference);
    }
}
