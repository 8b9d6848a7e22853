using OrleansGateway.WebSockets;

namespace OrleansGateway.Edges;

/// <summary>A connection an edge holds, as persisted so its <c>$disconnect</c> runs even when that edge dies.</summary>
[GenerateSerializer, Immutable, Alias("gw.ConnectionRecord")]
public sealed record ConnectionRecord
{
    [Id(0)] public required ConnectionContext Context { get; init; }
}
