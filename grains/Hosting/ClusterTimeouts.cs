namespace OrleansGateway.Hosting;

/// <summary>
/// Failure detection shared by silos and edges. Orleans' defaults take 12-14 s to declare a killed
/// silo dead and let a call in flight to it wait 30 s; a gateway must fail over in about a second
/// and a half, without one slow probe being enough to evict a healthy silo.
/// </summary>
public static class ClusterTimeouts
{
    /// <summary>Silo-to-silo liveness probe, sent this often and failed after this long.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Three misses in a row (about 1.5 s) make a silo suspect. Orleans sends the last of them through
    /// another silo (an indirect probe), so a suspicion rests on two silos' views, not on one link.
    /// </summary>
    public const int NumMissedProbesLimit = 3;

    /// <summary>
    /// Suspicions needed to declare a silo dead. Orleans caps this at half the active silos, rounded
    /// up (MembershipTableManager: min(votes, (active + 1) / 2)), so with two silos the survivor's one
    /// vote still suffices, and from three silos on two are needed.
    /// </summary>
    public const int NumVotesForDeathDeclaration = 2;

    /// <summary>
    /// The longest a grain call waits for its answer. Calls that legitimately run longer (an
    /// integration awaited inside a grain) must pass a cancellation token or not be awaited.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How often an edge rereads the silo list from the clustering table.</summary>
    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);
}
