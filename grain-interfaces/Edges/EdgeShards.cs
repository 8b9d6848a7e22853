namespace OrleansGateway.Edges;

/// <summary>How an edge's connection records are spread over <see cref="IEdgeConnectionsGrain"/> shards.</summary>
public static class EdgeShards
{
    public const int Count = 256;

    public static string Key(int edgeId, int shard) => $"{edgeId}/{shard}";

    /// <summary>The shard of a connection; the same in every process (FNV-1a, not the randomized string hash).</summary>
    public static string KeyOf(int edgeId, string connectionId)
    {
        var hash = 2166136261u;
        foreach (var c in connectionId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return Key(edgeId, (int)(hash % Count));
    }
}
