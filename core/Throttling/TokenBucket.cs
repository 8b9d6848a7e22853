namespace OrleansGateway.Throttling;

/// <summary>
/// A token bucket on a monotonic clock: it starts full, refills at the limit's rate and never holds
/// more than its burst. Not thread-safe; its owner (a grain, or an edge under a lock) serializes calls.
/// </summary>
public sealed class TokenBucket
{
    private readonly TimeProvider _clock;
    private double _tokens;
    private long _refilledAt;

    public TokenBucket(ThrottleLimit limit, TimeProvider clock)
    {
        _clock = clock;
        Limit = limit;
        _tokens = Math.Max(0, limit.BurstLimit);
        _refilledAt = clock.GetTimestamp();
    }

    public ThrottleLimit Limit { get; private set; }

    /// <summary>Whole tokens in the bucket now.</summary>
    public int Available
    {
        get
        {
            Refill();
            return (int)Math.Floor(_tokens);
        }
    }

    /// <summary>Takes up to <paramref name="wanted"/> whole tokens; returns how many it took.</summary>
    public int Take(int wanted)
    {
        Refill();
        var taken = (int)Math.Min(Math.Max(0, wanted), Math.Floor(_tokens));
        _tokens -= taken;
        return taken;
    }

    /// <summary>How long until the bucket holds one whole token; <see cref="TimeSpan.MaxValue"/> when it never will.</summary>
    public TimeSpan UntilNextToken() => UntilAvailable(1);

    /// <summary>How long until the bucket holds <paramref name="count"/> tokens; <see cref="TimeSpan.MaxValue"/> when it never will.</summary>
    public TimeSpan UntilAvailable(int count)
    {
        Refill();
        if (_tokens >= count)
        {
            return TimeSpan.Zero;
        }

        if (Limit.RateLimit <= 0 || Limit.BurstLimit < count)
        {
            return TimeSpan.MaxValue;
        }

        return TimeSpan.FromSeconds((count - _tokens) / Limit.RateLimit);
    }

    /// <summary>Applies a changed limit; tokens above the new burst are dropped, none are added.</summary>
    public void Reconfigure(ThrottleLimit limit)
    {
        Refill();
        Limit = limit;
        _tokens = Math.Min(_tokens, Math.Max(0, limit.BurstLimit));
    }

    private void Refill()
    {
        var now = _clock.GetTimestamp();
        var seconds = _clock.GetElapsedTime(_refilledAt, now).TotalSeconds;
        _refilledAt = now;
        if (seconds > 0 && Limit.RateLimit > 0)
        {
            _tokens = Math.Min(Math.Max(0, Limit.BurstLimit), _tokens + (seconds * Limit.RateLimit));
        }
    }
}
