namespace OrleansGateway.Throttling;

/// <summary>
/// The cluster-wide token bucket of one throttled scope (an account, a stage, a route or method of a
/// stage), keyed by the scope's name as the edges' compiled tables write it. Edges do not call it per
/// request: they take slices of tokens in leases and ask again before a slice runs out, so the
/// requests admitted across all edges stay within the bucket's rate and burst. The bucket lives in
/// memory: after the grain moves it starts full, as a bucket that was idle would be.
/// </summary>
[Alias("gw.IThrottleGrain")]
public interface IThrottleGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes up to <paramref name="wanted"/> tokens (at most a slice or the burst, whichever is more) from the bucket with
    /// <paramref name="limit"/>, which replaces the bucket's limit when the stage's settings changed.
    /// <paramref name="holder"/> names the calling process, so a contended bucket serves its holders in turn.
    /// </summary>
    [Alias("Lease")]
    Task<ThrottleLease> Lease(ThrottleLimit limit, int wanted, string holder);
}
