using System.Collections.Concurrent;

namespace OrleansGateway.Throttling;

/// <summary>
/// One process's <see cref="LeasedBudget"/>s, one per throttled scope (<see cref="ThrottleScopes"/>):
/// the single place a request path asks "may this request go on?". A scope's budget is created on
/// first use and replaced when its limit changes (the stage's settings were redeployed). Scope names
/// come from compiled tables, never from client input, so the map is bounded by the configuration;
/// beyond <see cref="MaxScopes"/> the budgets idle longest are dropped (an idle budget holds at most
/// one slice that has expired anyway).
/// </summary>
public sealed class ThrottleBudgets
{
    /// <summary>Scopes kept before idle ones are dropped.</summary>
    public const int MaxScopes = 100_000;

    private readonly Func<string, ThrottleLimit, int, Task<ThrottleLease>> _lease;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, Scope> _scopes = new(StringComparer.Ordinal);

    /// <param name="lease">Asks scope's bucket (its <see cref="IThrottleGrain"/>) for tokens; may throw.</param>
    /// <param name="clock">The process's monotonic clock.</param>
    public ThrottleBudgets(Func<string, ThrottleLimit, int, Task<ThrottleLease>> lease, TimeProvider clock)
    {
        _lease = lease;
        _clock = clock;
    }

    /// <summary>Raised with the scope's name when a lease call failed (the budget admits a local slice meanwhile).</summary>
    public event Action<string, Exception>? LeaseFailed;

    /// <summary>How many scopes hold a budget now.</summary>
    public int Count => _scopes.Count;

    /// <summary>True when a request of <paramref name="scope"/>, limited to <paramref name="limit"/>, may go on.</summary>
    public ValueTask<bool> TryTakeAsync(string scope, ThrottleLimit limit)
    {
        if (!_scopes.TryGetValue(scope, out var entry) || entry.Budget.Limit != limit)
        {
            entry = Replace(scope, limit);
        }

        entry.LastUsed = _clock.GetTimestamp();
        return entry.Budget.TryTakeAsync();
    }

    private Scope Replace(string scope, ThrottleLimit limit)
    {
        if (_scopes.Count >= MaxScopes)
        {
            DropIdlest();
        }

        var budget = new LeasedBudget(limit, (l, wanted) => _lease(scope, l, wanted), _clock);
        budget.LeaseFailed += e => LeaseFailed?.Invoke(scope, e);
        var entry = new Scope(budget);
        return _scopes.AddOrUpdate(scope, entry, (_, old) => old.Budget.Limit == limit ? old : entry);
    }

    private void DropIdlest()
    {
        // Rare (only a configuration with more scopes than the cap gets here): drop the older half.
        var byAge = _scopes.Select(s => (s.Key, s.Value.LastUsed)).OrderBy(s => s.LastUsed).ToList();
        foreach (var (key, _) in byAge.Take(byAge.Count / 2))
        {
            _scopes.TryRemove(key, out _);
        }
    }

    private sealed class Scope(LeasedBudget budget)
    {
        public LeasedBudget Budget { get; } = budget;

        public long LastUsed { get; set; }
    }
}
