namespace OrleansGateway.Hosting;

/// <summary>
/// Failure detection shared by silos and edges. Orleans' defaults take 12-14 s to declare a killed
/// silo dead and let a call in flight to it wait 30 s; a gateway must fail over in about a second.
/// </summary>
public static class ClusterTimeouts
{
    /// <summary>Silo-to-silo liveness probe; two misses declare a silo dead.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    public const int NumMissedProbesLimit = 2;

    /// <summary>
    /// The longest a grain call waits for its answer. Calls that legitimately run longer (an
    /// integration awaited inside a grain) must pass a cancellation token or not be awaited.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How often an edge rereads the silo list from the clustering table.</summary>
    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);
}
