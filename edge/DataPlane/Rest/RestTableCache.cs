using System.Collections.Concurrent;
using OrleansGateway.RestApis;

namespace OrleansGateway.Edge.DataPlane.Rest;

/// <summary>
/// The edge's compiled REST stage tables, per API and stage, so the steady-state request path makes
/// no grain call: filled on first use from <see cref="IRestStageGrain.GetRuntime"/>, dropped when a
/// grain says the API or stage changed (the same pushes as <see cref="RoutingTableCache"/>), and
/// compared with the stage grain's version on the revalidation timer in case a push was lost. Loads
/// share one task per key, and a failed load is not cached.
/// </summary>
public sealed partial class RestTableCache(IGrainFactory grains, ILogger<RestTableCache> logger)
{
    /// <summary>AWS's REST integration timeout when an integration sets none.</summary>
    public static readonly TimeSpan DefaultIntegrationTimeout = TimeSpan.FromMilliseconds(29_000);

    // Stages that do not exist are remembered too (a client retrying one costs no grain call), but
    // only this many, so made-up stage names cannot grow the cache without bound.
    private const int MaxMissingStages = 1024;

    private const int RevalidationParallelism = 8;

    private readonly ConcurrentDictionary<string, Task<Entry>> _stages = new(StringComparer.Ordinal);
    private int _missing;

    /// <summary>The tables of stage <paramref name="stageName"/>, or null when it does not exist.</summary>
    public ValueTask<RestStageTables?> GetAsync(string apiId, string stageName)
    {
        var key = Key(apiId, stageName);
        if (_stages.TryGetValue(key, out var cached) && cached.IsCompletedSuccessfully)
        {
            return ValueTask.FromResult(cached.Result.Tables);
        }

        return new ValueTask<RestStageTables?>(LoadAsync(key, apiId, stageName));
    }

    public void InvalidateApi(string apiId)
    {
        var prefix = apiId + "/";
        foreach (var key in _stages.Keys)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                Remove(key);
            }
        }
    }

    public void InvalidateStage(string apiId, string stageName) => Remove(Key(apiId, stageName));

    /// <summary>Compares each cached stage with its grain's version and rebuilds what moved: the safety net for a lost push.</summary>
    public Task RevalidateAsync(CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            _stages,
            new ParallelOptions { MaxDegreeOfParallelism = RevalidationParallelism, CancellationToken = cancellationToken },
            (entry, _) => new ValueTask(RevalidateAsync(entry.Key, entry.Value)));

    private async Task RevalidateAsync(string key, Task<Entry> task)
    {
        if (!task.IsCompletedSuccessfully)
        {
            return;
        }

        try
        {
            var cached = task.Result;
            if (cached.Tables is null)
            {
                // A missing stage may have been created since; the next request asks again.
                Remove(key);
                return;
            }

            var grain = grains.GetGrain<IRestStageGrain>(key);
            if (await grain.GetVersion() == cached.Version)
            {
                return;
            }

            var fresh = Compile(key, await grain.GetRuntime());
            if (_stages.TryUpdate(key, Task.FromResult(fresh), task))
            {
                Log.RevalidatedChanged(logger, key, fresh.Version);
            }
        }
        catch (Exception e)
        {
            // Background work: whatever a grain call throws must not stop the edge.
            Log.RevalidationFailed(logger, key, e.GetType().Name, e.Message);
        }
    }

    private async Task<RestStageTables?> LoadAsync(string key, string apiId, string stageName)
    {
        var task = _stages.GetOrAdd(key, static (k, cache) => cache.FetchAsync(k), this);
        try
        {
            var entry = await task;
            if (entry.Tables is null && Volatile.Read(ref _missing) > MaxMissingStages)
            {
                Remove(key);
            }

            return entry.Tables;
        }
        catch
        {
            _stages.TryRemove(new KeyValuePair<string, Task<Entry>>(key, task));
            throw;
        }
    }

    private async Task<Entry> FetchAsync(string key)
    {
        var entry = Compile(key, await grains.GetGrain<IRestStageGrain>(key).GetRuntime());
        if (entry.Tables is null)
        {
            Interlocked.Increment(ref _missing);
        }

        return entry;
    }

    private Entry Compile(string key, RestStageRuntime? runtime)
    {
        if (runtime is null)
        {
            return new Entry(-1, null);
        }

        var tables = RestStageTables.Create(runtime, DefaultIntegrationTimeout);
        foreach (var fault in tables.Faults)
        {
            Log.Fault(logger, key, fault);
        }

        Log.Loaded(logger, key, runtime.Version, tables.Main?.MethodCount ?? 0);
        return new Entry(runtime.Version, tables);
    }

    private void Remove(string key)
    {
        if (_stages.TryRemove(key, out var removed) && removed.IsCompletedSuccessfully && removed.Result.Tables is null)
        {
            Interlocked.Decrement(ref _missing);
        }
    }

    private static string Key(string apiId, string stageName) => $"{apiId}/{stageName}";

    private sealed record Entry(long Version, RestStageTables? Tables);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "REST routing: stage {Stage} loaded at version {Version} with {MethodCount} methods")]
        public static partial void Loaded(ILogger logger, string stage, long version, int methodCount);

        [LoggerMessage(2, LogLevel.Warning, "REST routing: stage {Stage}: {Fault}")]
        public static partial void Fault(ILogger logger, string stage, string fault);

        [LoggerMessage(3, LogLevel.Information, "REST routing: revalidation found stage {Stage} at version {Version} without a push")]
        public static partial void RevalidatedChanged(ILogger logger, string stage, long version);

        [LoggerMessage(4, LogLevel.Warning, "REST routing: revalidating stage {Stage} failed ({ErrorType}: {Message})")]
        public static partial void RevalidationFailed(ILogger logger, string stage, string errorType, string message);
    }
}
