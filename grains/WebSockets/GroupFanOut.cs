namespace OrleansGateway.WebSockets;

/// <summary>How a group send reaches the edges holding members (<c>Gateway:WebSockets:Groups:FanOut</c>).</summary>
public enum GroupFanOut
{
    /// <summary>One <c>IEdgeObserver.SendToMany</c> call per edge with members (the default; see docs/benchmarks.md).</summary>
    Observers,

    /// <summary>One Orleans stream per group that the edges holding members subscribe to; each edge reports how many sockets took the message.</summary>
    Streams,
}
