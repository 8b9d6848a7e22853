namespace OrleansGateway.WebSockets;

/// <summary>The connections one shard of an edge holds, and whether that edge was declared dead.</summary>
[GenerateSerializer, Alias("gw.EdgeConnectionsState")]
public sealed class EdgeConnectionsState
{
    /// <summary>By connection ID; the contexts were stripped of the upgrade request's headers by the edge.</summary>
    [Id(0)] public Dictionary<string, ConnectionContext> Connections { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The edge is dead: every record here is owed a <c>$disconnect</c>.</summary>
    [Id(1)] public bool EdgeDead { get; set; }

    /// <summary>Rounds of <c>$disconnect</c> issued for the records still here (bounded, see <see cref="EdgeConnectionsGrain"/>).</summary>
    [Id(2)] public int DisconnectRounds { get; set; }
}
