namespace OrleansGateway.Throttling;

/// <summary>
/// How a scope's bucket is handed out to edges: in slices of <see cref="SliceLength"/> of the rate,
/// so busy edges share the rate in small steps and the tokens lost with a dead edge are few, each
/// valid for <see cref="LeaseLifetime"/>, so an edge cannot hoard a burst and spend it later. An edge
/// with more requests waiting than a slice asks for that many, and gets up to the burst.
/// </summary>
public static class ThrottleSlices
{
    public static readonly TimeSpan SliceLength = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan LeaseLifetime = TimeSpan.FromSeconds(1);

    /// <summary>The tokens of one slice: at least one, at most the burst.</summary>
    public static int SliceOf(ThrottleLimit limit) =>
        (int)Math.Clamp(Math.Ceiling(limit.RateLimit * SliceLength.TotalSeconds), 1, Math.Max(1, limit.BurstLimit));

    /// <summary>Takes up to <paramref name="wanted"/> tokens (at most a slice or the burst, whichever is more) from <paramref name="bucket"/>.</summary>
    public static ThrottleLease Lease(TokenBucket bucket, int wanted)
    {
        var slice = SliceOf(bucket.Limit);
        var taken = bucket.Take(Math.Min(wanted, Math.Max(slice, bucket.Limit.BurstLimit)));
        return new ThrottleLease
        {
            Tokens = taken,
            ValidFor = LeaseLifetime,
            RetryAfter = taken >= slice ? TimeSpan.Zero : bucket.UntilAvailable(slice),
        };
    }
}
