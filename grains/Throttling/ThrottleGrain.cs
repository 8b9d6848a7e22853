namespace OrleansGateway.Throttling;

/// <summary>
/// A throttled scope's bucket, in memory only: a rate limit is about the last second, so a bucket
/// that moved with its grain starts full, exactly as an idle one would be. A lease is at most one
/// slice, the tokens of <see cref="SliceLength"/> at the rate, so busy edges share the rate in small
/// steps and tokens dropped with an edge are few.
/// </summary>
public sealed class ThrottleGrain(TimeProvider? clock = null) : Grain, IThrottleGrain
{
    /// <summary>How much of the rate one lease carries.</summary>
    public static readonly TimeSpan SliceLength = TimeSpan.FromMilliseconds(100);

    /// <summary>How long an edge may hold leased tokens before they are dropped.</summary>
    public static readonly TimeSpan LeaseLifetime = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private TokenBucket? _bucket;

    public Task<ThrottleLease> Lease(ThrottleLimit limit, int wanted)
    {
        if (_bucket is null)
        {
            _bucket = new TokenBucket(limit, _clock);
        }
        else if (_bucket.Limit != limit)
        {
            _bucket.Reconfigure(limit);
        }

        var taken = _bucket.Take(Math.Min(wanted, SliceOf(limit)));
        return Task.FromResult(new ThrottleLease
        {
            Tokens = taken,
            ValidFor = LeaseLifetime,
            RetryAfter = taken > 0 ? TimeSpan.Zero : _bucket.UntilNextToken(),
        });
    }

    /// <summary>The tokens of one slice: at least one, at most the burst.</summary>
    public static int SliceOf(ThrottleLimit limit) =>
        (int)Math.Clamp(Math.Ceiling(limit.RateLimit * SliceLength.TotalSeconds), 1, Math.Max(1, limit.BurstLimit));
}
