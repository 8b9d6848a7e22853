namespace OrleansGateway.Throttling;

/// <summary>
/// A throttled scope's bucket, in memory only: a rate limit is about the last second, so a bucket
/// that moved with its grain starts full, exactly as an idle one would be. A lease is a slice, or
/// as many tokens as the edge has requests waiting, at most the burst (<see cref="ThrottleSlices"/>);
/// while the bucket is contended its holders take slices in turn (<see cref="ThrottleQueue"/>).
/// </summary>
public sealed class ThrottleGrain(TimeProvider? clock = null) : Grain, IThrottleGrain
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private TokenBucket? _bucket;
    private ThrottleQueue? _queue;

    public Task<ThrottleLease> Lease(ThrottleLimit limit, int wanted, string holder)
    {
        if (_bucket is null)
        {
            _bucket = new TokenBucket(limit, _clock);
        }
        else if (_bucket.Limit != limit)
        {
            _bucket.Reconfigure(limit);
        }

        _queue ??= new ThrottleQueue(_clock);
        return Task.FromResult(_queue.Lease(_bucket, holder, wanted));
    }
}
