using OrleansGateway.ApiKeys;
using OrleansGateway.UsagePlans;

namespace OrleansGateway.Edge.ApiKeys;

/// <summary>
/// The edge's <see cref="ApiKeyTable"/>: loaded from the API key and usage plan registries when a
/// method first needs a key, dropped when a registry says something changed
/// (<see cref="WebSockets.EdgeObserver.ApiKeysChanged"/>), and compared by version on the
/// revalidation timer in case that message was lost. Checking a client's key calls no grain.
/// </summary>
public sealed partial class ApiKeyTableCache(IGrainFactory grains, ILogger<ApiKeyTableCache> logger)
{
    private Task<ApiKeyTable>? _table;

    /// <summary>The table, loading it (or joining the load) when it is not loaded.</summary>
    public ValueTask<ApiKeyTable> GetAsync()
    {
        var current = Volatile.Read(ref _table);
        if (current is { IsCompletedSuccessfully: true })
        {
            return new ValueTask<ApiKeyTable>(current.Result);
        }

        if (current is not null && !current.IsFaulted && !current.IsCanceled)
        {
            return new ValueTask<ApiKeyTable>(current);
        }

        var load = LoadAsync();
        var won = Interlocked.CompareExchange(ref _table, load, current);
        return new ValueTask<ApiKeyTable>(won == current ? load : won!);
    }

    /// <summary>Forgets the table; the next request that needs a key loads it again.</summary>
    public void Invalidate()
    {
        Volatile.Write(ref _table, null);
        Log.Invalidated(logger);
    }

    /// <summary>Reloads a table in use whose registries moved on, in case a push was lost.</summary>
    public async Task RevalidateAsync()
    {
        var current = Volatile.Read(ref _table);
        if (current is not { IsCompletedSuccessfully: true })
        {
            return;
        }

        try
        {
            var table = current.Result;
            var keysVersion = await grains.GetGrain<IApiKeyRegistryGrain>(0).GetVersion();
            var plansVersion = await grains.GetGrain<IUsagePlanRegistryGrain>(0).GetVersion();
            if (keysVersion == table.KeysVersion && plansVersion == table.PlansVersion)
            {
                return;
            }

            var fresh = await LoadAsync();
            // Unless a push dropped it meanwhile: then the next request loads it anyway.
            _ = Interlocked.CompareExchange(ref _table, Task.FromResult(fresh), current);
        }
        catch (Exception e)
        {
            Log.RevalidationFailed(logger, e.GetType().Name, e.Message);
        }
    }

    private async Task<ApiKeyTable> LoadAsync()
    {
        var keyRegistry = grains.GetGrain<IApiKeyRegistryGrain>(0);
        var planRegistry = grains.GetGrain<IUsagePlanRegistryGrain>(0);
        // Versions first: a change made while the lists are read moves them past the table's, so
        // the next revalidation reloads.
        var keysVersion = await keyRegistry.GetVersion();
        var plansVersion = await planRegistry.GetVersion();
        var keys = await keyRegistry.List();
        var plans = new List<(UsagePlan, IReadOnlyCollection<string>)>();
        foreach (var plan in await planRegistry.List(null))
        {
            if (plan.Id is { } planId)
            {
                var planKeys = await planRegistry.ListKeys(planId);
                plans.Add((plan, planKeys.Select(k => k.Id).ToList()));
            }
        }

        var table = ApiKeyTable.Create(keysVersion, plansVersion, keys, plans);
        Log.Loaded(logger, table.Count, plans.Count);
        return table;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "API keys: {KeyCount} keys in {PlanCount} usage plans loaded")]
        public static partial void Loaded(ILogger logger, int keyCount, int planCount);

        [LoggerMessage(2, LogLevel.Debug, "API keys: keys or usage plans changed, table dropped")]
        public static partial void Invalidated(ILogger logger);

        [LoggerMessage(3, LogLevel.Warning, "API keys: reloading the key table failed ({ErrorType}: {Message})")]
        public static partial void RevalidationFailed(ILogger logger, string errorType, string message);
    }
}
