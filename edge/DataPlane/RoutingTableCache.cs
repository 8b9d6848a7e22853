using System.Collections.Concurrent;
using OrleansGateway.HttpApis;
using OrleansGateway.Routing;

namespace OrleansGateway.Edge.DataPlane;

/// <summary>
/// The edge's routing tables, per API and stage, so the steady-state request path makes no grain
/// call: filled on first use from <see cref="IApiGrain.GetRuntimeSummary"/> and
/// <see cref="IStageGrain.GetRuntime"/>, dropped when a grain says the API or stage changed
/// (<see cref="WebSockets.EdgeObserver"/>), and compared with the grains' versions on a timer in case
/// such a message was lost (<see cref="RevalidateAsync"/>).
/// </summary>
public sealed partial class RoutingTableCache
{
    private const int RevalidationParallelism = 8;

    private readonly IGrainFactory _grains;
    private readonly DataPlaneOptions _options;
    private readonly ILogger<RoutingTableCache> _logger;
    private readonly ConcurrentDictionary<string, Task<ApiRouting>> _apis = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<ApiRouting>>.AlternateLookup<ReadOnlySpan<char>> _apiLookup;

    public RoutingTableCache(IGrainFactory grains, DataPlaneOptions options, ILogger<RoutingTableCache> logger)
    {
        _grains = grains;
        _options = options;
        _logger = logger;
        _apiLookup = _apis.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The cached API, when it has been loaded: the steady-state path.</summary>
    public bool TryGetApi(ReadOnlySpan<char> apiId, out ApiRouting api)
    {
        if (_apiLookup.TryGetValue(apiId, out var task) && task.IsCompletedSuccessfully)
        {
            api = task.Result;
            return true;
        }

        api = null!;
        return false;
    }

    /// <summary>Loads (or joins the load of) an API not cached yet; only for IDs the <see cref="ApiDirectoryCache"/> knows, so the cache stays as small as the directory.</summary>
    public Task<ApiRouting> GetApiAsync(string apiId)
    {
        var task = _apis.GetOrAdd(apiId, static (id, cache) => cache.LoadApiAsync(id), this);
        return task.IsCompleted ? task : ForgetOnFailure(_apis, apiId, task);
    }

    /// <summary>The cached table of a stage, when loaded.</summary>
    public static bool TryGetStage(ApiRouting api, ReadOnlySpan<char> stageName, out StageRoutingTable? table)
    {
        if (api.TryGetStage(stageName, out var task) && task.IsCompletedSuccessfully)
        {
            table = task.Result;
            return true;
        }

        table = null;
        return false;
    }

    public Task<StageRoutingTable?> GetStageAsync(ApiRouting api, string stageName)
    {
        var task = api.Stages.GetOrAdd(stageName, static (name, state) => state.Cache.LoadStageAsync(state.Api.ApiId, name), (Cache: this, Api: api));
        return task.IsCompleted ? task : ForgetOnFailure(api.Stages, stageName, task);
    }

    public void InvalidateApi(string apiId)
    {
        _apis.TryRemove(apiId, out _);
        Log.ApiInvalidated(_logger, apiId);
    }

    public void InvalidateStage(string apiId, string stageName)
    {
        if (_apis.TryGetValue(apiId, out var task) && task.IsCompletedSuccessfully)
        {
            task.Result.Stages.TryRemove(stageName, out _);
        }

        Log.StageInvalidated(_logger, apiId, stageName);
    }

    /// <summary>
    /// Compares every cached API and stage with its grain and replaces what changed: the safety net
    /// for a lost push, and the catch-up after the subscription was interrupted. A stage is compared
    /// by version and fetched only when it moved; a few APIs are asked at a time.
    /// </summary>
    public Task RevalidateAsync(CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            _apis,
            new ParallelOptions { MaxDegreeOfParallelism = RevalidationParallelism, CancellationToken = cancellationToken },
            (entry, _) => new ValueTask(RevalidateApiAsync(entry.Key, entry.Value)));

    private async Task RevalidateApiAsync(string apiId, Task<ApiRouting> apiTask)
    {
        if (!apiTask.IsCompletedSuccessfully)
        {
            return;
        }

        var api = apiTask.Result;
        try
        {
            var summary = await _grains.GetGrain<IApiGrain>(apiId).GetRuntimeSummary();
            if (summary is null)
            {
                // Deleted (a load that raced the delete's push cached it as missing): forget it rather than ask again each tick.
                _apis.TryRemove(new KeyValuePair<string, Task<ApiRouting>>(apiId, apiTask));
                Log.ApiInvalidated(_logger, apiId);
                return;
            }

            if (!api.SameAs(summary))
            {
                _apis.TryUpdate(apiId, Task.FromResult(new ApiRouting(apiId, summary)), apiTask);
                Log.ApiRevalidatedChanged(_logger, apiId);
                return;
            }

            foreach (var (stageName, stageTask) in api.Stages)
            {
                if (!stageTask.IsCompletedSuccessfully)
                {
                    continue;
                }

                var stage = _grains.GetGrain<IStageGrain>(StageKey(apiId, stageName));
                if (stageTask.Result is { } cached && await stage.GetVersion() == cached.Version)
                {
                    continue;
                }

                var runtime = await stage.GetRuntime();
                if (runtime?.Version != stageTask.Result?.Version)
                {
                    api.Stages.TryUpdate(stageName, Task.FromResult(Compile(runtime)), stageTask);
                    Log.StageRevalidatedChanged(_logger, apiId, stageName, runtime?.Version ?? -1);
                }
            }
        }
        catch (Exception e)
        {
            // Background work: whatever a grain call throws (timeouts and cancellations too) must not stop the edge.
            Log.RevalidationFailed(_logger, apiId, e.GetType().Name, e.Message);
        }
    }

    private async Task<ApiRouting> LoadApiAsync(string apiId) =>
        new(apiId, await _grains.GetGrain<IApiGrain>(apiId).GetRuntimeSummary());

    private async Task<StageRoutingTable?> LoadStageAsync(string apiId, string stageName)
    {
        var runtime = await _grains.GetGrain<IStageGrain>(StageKey(apiId, stageName)).GetRuntime();
        var table = Compile(runtime);
        Log.StageLoaded(_logger, apiId, stageName, table?.Version ?? -1, table?.RouteCount ?? 0);
        return table;
    }

    private StageRoutingTable? Compile(StageRuntime? runtime) =>
        runtime is null ? null : RoutingTableFaults.LogOnce(StageRoutingTable.Create(runtime, _options.DefaultIntegrationTimeout), _logger);

    private static string StageKey(string apiId, string stageName) => $"{apiId}/{stageName}";

    // A failed load is not cached: the next request tries again.
    private static async Task<T> ForgetOnFailure<T>(ConcurrentDictionary<string, Task<T>> cache, string key, Task<T> task)
    {
        try
        {
            return await task;
        }
        catch
        {
            cache.TryRemove(new KeyValuePair<string, Task<T>>(key, task));
            throw;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Routing: API {ApiId} changed, cache dropped")]
        public static partial void ApiInvalidated(ILogger logger, string apiId);

        [LoggerMessage(2, LogLevel.Debug, "Routing: stage {ApiId}/{StageName} changed, table dropped")]
        public static partial void StageInvalidated(ILogger logger, string apiId, string stageName);

        [LoggerMessage(3, LogLevel.Debug, "Routing: stage {ApiId}/{StageName} loaded at version {Version} with {RouteCount} routes")]
        public static partial void StageLoaded(ILogger logger, string apiId, string stageName, long version, int routeCount);

        [LoggerMessage(4, LogLevel.Information, "Routing: revalidation found API {ApiId} changed without a push")]
        public static partial void ApiRevalidatedChanged(ILogger logger, string apiId);

        [LoggerMessage(5, LogLevel.Information, "Routing: revalidation found stage {ApiId}/{StageName} at version {Version} without a push")]
        public static partial void StageRevalidatedChanged(ILogger logger, string apiId, string stageName, long version);

        [LoggerMessage(6, LogLevel.Warning, "Routing: revalidating API {ApiId} failed ({ErrorType}: {Message})")]
        public static partial void RevalidationFailed(ILogger logger, string apiId, string errorType, string message);
    }
}
