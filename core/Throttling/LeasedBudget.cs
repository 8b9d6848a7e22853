namespace OrleansGateway.Throttling;

/// <summary>
/// One edge's share of a throttled scope's cluster-wide bucket. Requests take tokens from a leased
/// slice with no grain call; when the slice runs down to half, one lease call (shared by every
/// request meanwhile) fetches the next, ahead of need. A request that finds the slice empty waits
/// for that call rather than being refused, so an idle scope admits its first request as the bucket
/// would. When the bucket had less than a slice, the budget asks no sooner than the bucket said a
/// slice will be there, and meanwhile refuses what its tokens do not cover, so a scope throttled at
/// its limit costs one call per slice per edge, not one per request. A lease asks for as many tokens
/// as requests are waiting when that is more than a slice (at most the burst), so a burst of
/// concurrent requests on an idle scope is admitted up to the burst, as AWS's bucket admits it,
/// rather than a slice per call.
/// </summary>
public sealed class LeasedBudget
{
    // A request that found the slice empty asks again this often before it is refused: enough for a
    // burst of waiters to drain a slice or two, bounded so no request queues behind many calls.
    private const int MaxWaits = 3;

    private readonly Func<ThrottleLimit, int, Task<ThrottleLease>> _lease;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private int _tokens;
    private int _waiting;
    private long _expiresAt;
    private long _emptyUntil;
    private Task? _refill;

    /// <param name="limit">The scope's rate and burst.</param>
    /// <param name="lease">Asks the scope's bucket for tokens (<see cref="IThrottleGrain.Lease"/>); may throw.</param>
    /// <param name="clock">The edge's monotonic clock.</param>
    public LeasedBudget(ThrottleLimit limit, Func<ThrottleLimit, int, Task<ThrottleLease>> lease, TimeProvider clock)
    {
        Limit = limit;
        Slice = ThrottleSlices.SliceOf(limit);
        _lease = lease;
        _clock = clock;
    }

    public ThrottleLimit Limit { get; }

    /// <summary>The tokens one lease asks for.</summary>
    public int Slice { get; }

    /// <summary>Raised when a lease call failed; the budget then admits one local slice, so a silo's death does not throttle a whole stage.</summary>
    public event Action<Exception>? LeaseFailed;

    /// <summary>True when the request may go on, false when it is throttled.</summary>
    public ValueTask<bool> TryTakeAsync()
    {
        Task? refill;
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            if (TakeLocked(now))
            {
                return ValueTask.FromResult(true);
            }

            if (now < _emptyUntil)
            {
                return ValueTask.FromResult(false);
            }

            refill = StartRefillLocked();
            _waiting++;
        }

        return WaitAsync(refill);
    }

    private async ValueTask<bool> WaitAsync(Task refill)
    {
        for (var wait = 1; ; wait++)
        {
            await refill;
            lock (_gate)
            {
                var now = _clock.GetTimestamp();
                if (TakeLocked(now))
                {
                    _waiting--;
                    return true;
                }

                if (now < _emptyUntil || wait == MaxWaits)
                {
                    _waiting--;
                    return false;
                }

                refill = StartRefillLocked();
            }
        }
    }

    private bool TakeLocked(long now)
    {
        if (now >= _expiresAt)
        {
            _tokens = 0;
        }

        if (_tokens == 0)
        {
            return false;
        }

        _tokens--;
        if (_tokens <= Slice / 2 && now >= _emptyUntil)
        {
            StartRefillLocked();
        }

        return true;
    }

    private Task StartRefillLocked() => _refill ??= RefillAsync();

    private async Task RefillAsync()
    {
        // Off the caller's stack: the lock is held there.
        await Task.Yield();
        int wanted;
        lock (_gate)
        {
            wanted = Math.Min(Math.Max(Slice, _waiting), Math.Max(Slice, Limit.BurstLimit));
        }

        ThrottleLease lease;
        try
        {
            lease = await _lease(Limit, wanted);
        }
        catch (Exception e)
        {
            LeaseFailed?.Invoke(e);
            lease = new ThrottleLease { Tokens = Slice, ValidFor = ThrottleSlices.LeaseLifetime };
        }

        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            if (now >= _expiresAt)
            {
                _tokens = 0;
            }

            _tokens += lease.Tokens;
            _expiresAt = now + ToTimestamp(lease.ValidFor);
            _emptyUntil = lease.RetryAfter > TimeSpan.Zero ? now + ToTimestamp(lease.RetryAfter) : 0;
            _refill = null;
        }
    }

    private long ToTimestamp(TimeSpan span) =>
        span >= TimeSpan.FromDays(1) ? long.MaxValue / 2 : (long)(span.TotalSeconds * _clock.TimestampFrequency);
}
