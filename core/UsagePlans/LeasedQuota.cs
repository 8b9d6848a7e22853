namespace OrleansGateway.UsagePlans;

/// <summary>
/// An edge's leased share of one key's quota: requests are admitted from local tokens, and a
/// slice is leased from the quota grain when half a slice is left, one lease call at a time shared
/// by every waiter, so steady traffic makes no grain call. A slice starts at
/// <see cref="SliceFor"/> (<c>max(1, min(limit / 100, 100))</c>) and doubles while leases are spent
/// within <see cref="FastLease"/>, up to <see cref="MaxSliceFor"/> (<c>min(limit / 100, 10,000)</c>),
/// halving again when traffic slows: each lease is a write of the quota grain, so a busy key leases
/// a few times a second rather than hundreds. A lease smaller than asked means the period is used
/// up: once the tokens are spent the quota answers no without asking again until the period ends.
/// What an edge holds is already counted as used, so the quota is never exceeded; it can be
/// under-used by at most one and a half of the largest slice (<see cref="MaxSlice"/>) per edge.
/// </summary>
public sealed class LeasedQuota
{
    /// <summary>A lease spent within this long is too small: the next one is twice as large.</summary>
    public static readonly TimeSpan FastLease = TimeSpan.FromMilliseconds(250);

    /// <summary>A lease that lasted longer than this is too large: the next one is half as large.</summary>
    public static readonly TimeSpan SlowLease = TimeSpan.FromSeconds(2);

    private readonly Func<int, Task<QuotaGrant>> _lease;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private int _slice;
    private bool _leased;
    private long _leasedAt;
    private int _tokens;
    private bool _exhausted;
    private DateTimeOffset _periodEnd = DateTimeOffset.MinValue;
    private Task? _refill;

    public LeasedQuota(int limit, Func<int, Task<QuotaGrant>> lease, TimeProvider clock)
    {
        MinSlice = SliceFor(limit);
        MaxSlice = MaxSliceFor(limit);
        _slice = MinSlice;
        _lease = lease;
        _clock = clock;
    }

    /// <summary>The first slice, and the smallest.</summary>
    public int MinSlice { get; }

    /// <summary>The largest slice; an edge holds at most one and a half of it unspent.</summary>
    public int MaxSlice { get; }

    /// <summary>The slice the next lease asks for.</summary>
    public int Slice
    {
        get
        {
            lock (_gate)
            {
                return _slice;
            }
        }
    }

    public static int SliceFor(int limit) => Math.Max(1, Math.Min(limit / 100, 100));

    public static int MaxSliceFor(int limit) => Math.Max(SliceFor(limit), Math.Min(limit / 100, 10_000));

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
            if (_tokens <= _slice / 2 && !_exhausted)
            {
                StartRefillLocked();
            }

            return true;
        }

        return _exhausted ? false : null;
    }

    // How long the last lease lasted decides the next one's size; the first lease is the smallest.
    private int NextSlice()
    {
        if (!_leased)
        {
            return _slice;
        }

        var lasted = _clock.GetElapsedTime(_leasedAt);
        return lasted < FastLease ? Math.Min(_slice * 2, MaxSlice)
            : lasted > SlowLease ? Math.Max(_slice / 2, MinSlice)
            : _slice;
    }

    private Task StartRefillLocked() => _refill ??= Task.Run(RefillAsync);

    private async Task RefillAsync()
    {
        try
        {
            int wanted;
            lock (_gate)
            {
                wanted = _slice = NextSlice();
            }

            var grant = await _lease(wanted);
            lock (_gate)
            {
                if (grant.PeriodEnd != _periodEnd)
                {
                    _tokens = 0;
                }

                _periodEnd = grant.PeriodEnd;
                _tokens += grant.Granted;
                _exhausted = grant.Granted < wanted;
                _leasedAt = _clock.GetTimestamp();
                _leased = true;
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
