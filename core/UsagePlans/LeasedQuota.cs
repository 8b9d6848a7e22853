namespace OrleansGateway.UsagePlans;

/// <summary>
/// An edge's leased share of one key's quota: requests are admitted from local tokens, and a
/// slice (<c>max(1, min(limit / 100, 100))</c>) is leased from the quota grain when half a slice
/// is left, one lease call at a time shared by every waiter, so steady traffic makes no grain call.
/// A lease smaller than asked means the period is used up: once the tokens are spent the quota
/// answers no without asking again until the period ends. What an edge holds is already counted
/// as used, so the quota is never exceeded; it can be under-used by at most one slice per edge.
/// </summary>
public sealed class LeasedQuota
{
    private readonly Func<int, Task<QuotaGrant>> _lease;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private int _tokens;
    private bool _exhausted;
    private DateTimeOffset _periodEnd = DateTimeOffset.MinValue;
    private Task? _refill;

    public LeasedQuota(int limit, Func<int, Task<QuotaGrant>> lease, TimeProvider clock)
    {
        Slice = SliceFor(limit);
        _lease = lease;
        _clock = clock;
    }

    public int Slice { get; }

    public static int SliceFor(int limit) => Math.Max(1, Math.Min(limit / 100, 100));

    /// <summary>True to admit the request; false when the quota is used up for this period.</summary>
    public ValueTask<bool> TryTakeAsync()
    {
        Task refill;
        lock (_gate)
        {
            if (TryTakeLocked() is { } answer)
            {
                return ValueTask.FromResult(answer);
            }

            refill = StartRefillLocked();
        }

        return WaitAsync(refill);
    }

    private async ValueTask<bool> WaitAsync(Task refill)
    {
        await refill;
        lock (_gate)
        {
            return TryTakeLocked() ?? false;
        }
    }

    // True or false when it can answer now, null when a lease must be waited for.
    private bool? TryTakeLocked()
    {
        if (_clock.GetUtcNow() >= _periodEnd && _periodEnd != DateTimeOffset.MinValue)
        {
            // A new period: what was left of the old one is not carried over.
            _tokens = 0;
            _exhausted = false;
            _periodEnd = DateTimeOffset.MinValue;
        }

        if (_tokens > 0)
        {
            _tokens--;
            if (_tokens <= Slice / 2 && !_exhausted)
            {
                StartRefillLocked();
            }

            return true;
        }

        return _exhausted ? false : null;
    }

    private Task StartRefillLocked() => _refill ??= Task.Run(RefillAsync);

    private async Task RefillAsync()
    {
        try
        {
            var grant = await _lease(Slice);
            lock (_gate)
            {
                if (grant.PeriodEnd != _periodEnd)
                {
                    _tokens = 0;
                }

                _periodEnd = grant.PeriodEnd;
                _tokens += grant.Granted;
                _exhausted = grant.Granted < Slice;
            }
        }
        finally
        {
            lock (_gate)
            {
                _refill = null;
            }
        }
    }
}
