using OrleansGateway.Edges;

namespace OrleansGateway.Routing;

/// <summary>The edges that joined and have not left or died, the last ID handed out, and the connection-ID key.</summary>
[GenerateSerializer, Alias("gw.EdgeDirectoryState")]
public sealed class EdgeDirectoryState
{
    [Id(0)] public int LastEdgeId { get; set; }

    [Id(1)] public Dictionary<int, IEdgeObserver> Edges { get; set; } = new();

    [Id(2)] public byte[]? ConnectionIdKey { get; set; }

    /// <summary>Edges declared dead (or left) whose connection shards may still owe a <c>$disconnect</c>.</summary>
    [Id(3)] public HashSet<int> Dead { get; set; } = new();
}
