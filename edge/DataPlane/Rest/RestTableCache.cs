using System.Collections.Concurrent;
using OrleansGateway.RestApis;

namespace OrleansGateway.Edge.DataPlane.Rest;

/// <summary>
/// The edge's compiled REST stage tables, so the steady-state request path makes no grain call. Per
/// API it holds the stage names (<see cref="IRestApiGrain.GetStageNames"/>, as v2's
/// <see cref="RoutingTableCache"/> holds the API's runtime summary), so a stage name the API does
/// not have, or one AWS would never accept, is answered without a stage grain call: a client-chosen
/// name costs no activation. A known stage's tables are filled on first use from
/// <see cref="IRestStageGrain.GetRuntime"/>. The API's push (a stage created or deleted) and the
/// stage's push (redeployed, changed) drop what they concern; the revalidation timer compares stage
/// names and versions with the grains in case a push was lost. Loads share one task per key, and a
/// failed load is not cached.
/// </summary>
public sealed partial class RestTableCache
{
    /// <summary>AWS's REST integration timeout when an integration sets none.</summary>
    public static readonly TimeSpan DefaultIntegrationTimeout = TimeSpan.FromMilliseconds(29_000);

    private const int RevalidationParallelism = 8;

    private readonly IGrainFactory _grains;
    private readonly ILogger<RestTableCache> _logger;
    private readonly ConcurrentDictionary<string, Task<RestApiStages>> _apis = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<RestApiStages>>.AlternateLookup<ReadOnlySpan<char>> _apiLookup;

    public RestTableCache(IGrainFactory grains, ILogger<RestTableCache> logger)
    {
        _grains = grains;
        _logger = logger;
        _apiLookup = _apis.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The tables of stage <paramref name="stageName"/>, or null when the API has no such stage.
    /// Only for API IDs the <see cref="ApiDirectoryCache"/> knows as REST APIs, so the cache stays as
    /// small as the directory.
    /// </summary>
    public ValueTask<RestStageTables?> GetAsync(ReadOnlySpan<char> apiId, ReadOnlySpan<char> stageName)
    {
        if (!RestStageName.IsValid(stageName))
        {
            return ValueTask.FromResult<RestStageTables?>(null);
        }

        if (_apiLookup.TryGetValue(apiId, out var api) && api.IsCompletedSuccessfully)
        {
            return GetStage(api.Result, stageName);
        }

        return new ValueTask<RestStageTables?>(LoadApiThenStageAsync(apiId.ToString(), stageName.ToString()));
    }

    public void InvalidateApi(string apiId)
    {
        if (_apis.TryRemove(apiId, out _))
        {
            Log.ApiInvalidated(_logger, apiId);
        }
    }

    public void InvalidateStage(string apiId, string stageName)
    {
        if (_apis.TryGetValue(apiId, out var api) && api.IsCompletedSuccessfully && api.Result.TryGetStage(stageName, out var slot))
        {
            slot.Reset();
        }
    }

    /// <summary>Compares each cached API's stage names and each loaded stage's version with the grains and rebuilds what moved: the safety net for a lost push.</summary>
    public Task RevalidateAsync(CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            _apis,
            new ParallelOptions { MaxDegreeOfParallelism = RevalidationParallelism, CancellationToken = cancellationToken },
            (entry, _) => new ValueTask(RevalidateAsync(entry.Key, entry.Value)));

    private ValueTask<RestStageTables?> GetStage(RestApiStages api, ReadOnlySpan<char> stageName)
    {
        if (!api.TryGetStage(stageName, out var slot))
        {
            return ValueTask.FromResult<RestStageTables?>(null);
        }

        return slot.Tables is { IsCompletedSuccessfully: true } tables
            ? ValueTask.FromResult(tables.Result)
            : new ValueTask<RestStageTables?>(slot.JoinOrStart(LoadStageAsync));
    }

    private async Task<RestStageTables?> LoadApiThenStageAsync(string apiId, string stageName)
    {
        var task = _apis.GetOrAdd(apiId, static (id, cache) => cache.LoadApiAsync(id), this);
        RestApiStages api;
        try
        {
            api = await task;
        }
        catch
        {
            _apis.TryRemove(new KeyValuePair<string, Task<RestApiStages>>(apiId, task));
            throw;
        }

        return await GetStage(api, stageName);
    }

    private async Task<RestApiStages> LoadApiAsync(string apiId)
    {
        // Null: deleted since the directory listed it; its push or the next revalidation drops this.
        var names = await _grains.GetGrain<IRestApiGrain>(apiId).GetStageNames() ?? [];
        Log.ApiLoaded(_logger, apiId, names.Count);
        return new RestApiStages(apiId, names);
    }

    private async Task<RestStageTables?> LoadStageAsync(RestStageSlot slot) =>
        Compile(slot.GrainKey, await _grains.GetGrain<IRestStageGrain>(slot.GrainKey).GetRuntime());

    private async Task RevalidateAsync(string apiId, Task<RestApiStages> task)
    {
        if (!task.IsCompletedSuccessfully)
        {
            return;
        }

        try
        {
            var api = task.Result;
            var names = await _grains.GetGrain<IRestApiGrain>(apiId).GetStageNames();
            if (names is null)
            {
                _apis.TryRemove(new KeyValuePair<string, Task<RestApiStages>>(apiId, task));
                return;
            }

            if (!api.SameStages(names))
            {
                api = new RestApiStages(apiId, names, api);
                if (!_apis.TryUpdate(apiId, Task.FromResult(api), task))
                {
                    return;
                }

                Log.RevalidatedStages(_logger, apiId, names.Count);
            }

            foreach (var slot in api.Slots)
            {
                await RevalidateAsync(slot);
            }
        }
        catch (Exception e)
        {
            // Background work: whatever a grain call throws must not stop the edge.
            Log.RevalidationFailed(_logger, apiId, e.GetType().Name, e.Message);
        }
    }

    private async Task RevalidateAsync(RestStageSlot slot)
    {
        if (slot.Tables is not { IsCompletedSuccessfully: true } loaded)
        {
            return;
        }

        var grain = _grains.GetGrain<IRestStageGrain>(slot.GrainKey);
        if (loaded.Result is { } cached && await grain.GetVersion() == cached.Version)
        {
            return;
        }

        var fresh = Compile(slot.GrainKey, await grain.GetRuntime());
        if (fresh?.Version != loaded.Result?.Version && slot.TryReplace(loaded, fresh))
        {
            Log.RevalidatedChanged(_logger, slot.GrainKey, fresh?.Version ?? -1);
        }
    }

    private RestStageTables? Compile(string stage, RestStageRuntime? runtime)
    {
        if (runtime is null)
        {
            return null;
        }

        var tables = RestStageTables.Create(runtime, DefaultIntegrationTimeout);
        foreach (var fault in tables.Faults)
        {
            Log.Fault(_logger, stage, fault);
        }

        Log.Loaded(_logger, stage, runtime.Version, tables.Main?.MethodCount ?? 0);
        return tables;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "REST routing: stage {Stage} loaded at version {Version} with {MethodCount} methods")]
        public static partial void Loaded(ILogger logger, string stage, long version, int methodCount);

        [LoggerMessage(2, LogLevel.Warning, "REST routing: stage {Stage}: {Fault}")]
        public static partial void Fault(ILogger logger, string stage, string fault);

        [LoggerMessage(3, LogLevel.Information, "REST routing: revalidation found stage {Stage} at version {Version} without a push")]
        public static partial void RevalidatedChanged(ILogger logger, string stage, long version);

        [LoggerMessage(4, LogLevel.Warning, "REST routing: revalidating API {ApiId} failed ({ErrorType}: {Message})")]
        public static partial void RevalidationFailed(ILogger logger, string apiId, string errorType, string message);

        [LoggerMessage(5, LogLevel.Debug, "REST routing: API {ApiId} loaded with {StageCount} stages")]
        public static partial void ApiLoaded(ILogger logger, string apiId, int stageCount);

        [LoggerMessage(6, LogLevel.Debug, "REST routing: API {ApiId} changed, its stages dropped")]
        public static partial void ApiInvalidated(ILogger logger, string apiId);

        [LoggerMessage(7, LogLevel.Information, "REST routing: revalidation found API {ApiId} with {StageCount} stages without a push")]
        public static partial void RevalidatedStages(ILogger logger, string apiId, int stageCount);
    }
}
