using OrleansGateway.Edges;

namespace OrleansGateway.Edge.WebSockets;

/// <summary>This edge's ID and connection-ID key, once it has joined the edge directory.</summary>
public sealed class EdgeIdentity
{
    private volatile EdgeRegistration? _registration;

    /// <summary>Null until the edge joined; WebSocket upgrades are refused until then.</summary>
    public EdgeRegistration? Registration => _registration;

    public void Set(EdgeRegistration? registration) => _registration = registration;
}
