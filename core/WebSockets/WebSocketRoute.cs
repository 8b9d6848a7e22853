using OrleansGateway.Throttling;

namespace OrleansGateway.WebSockets;

/// <summary>
/// One compiled route: its integration (null with <see cref="Fault"/> when it cannot run, which answers 500),
/// and whether it is two-way: it has a <c>$default</c> route response, so the mapped answer goes back to the client.
/// A <c>$connect</c> route whose authorization the edge cannot evaluate is refused with <see cref="RefusalStatus"/>
/// (403 or 500, never accepted).
/// </summary>
internal sealed record WebSocketRoute(string Key, WebSocketIntegration? Integration, bool IsTwoWay, string? Fault, int RefusalStatus = 0)
{
    /// <summary>The stage's limit for this route (<c>routeSettings</c>, else <c>defaultRouteSettings</c>); null when neither sets one.</summary>
    public ScopedThrottle? Throttle { get; init; }
}
