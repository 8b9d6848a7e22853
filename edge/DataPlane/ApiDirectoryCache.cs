using System.Collections.Frozen;
using OrleansGateway.HttpApis;

namespace OrleansGateway.Edge.DataPlane;

/// <summary>
/// The edge's copy of the <see cref="ApiDirectory"/>: which API IDs exist and their protocol types.
/// A request naming an ID that is not in it is answered without a grain call and leaves nothing
/// behind, whatever IDs clients make up. Loaded on first use, refreshed when the registry pushes a
/// newer version (<see cref="WebSockets.EdgeObserver"/>), and compared by version on the revalidation timer
/// in case a push was lost. While a refresh is in flight, an ID the old copy lacks waits for it, so
/// an API is served as soon as the push of its creation arrives.
/// </summary>
public sealed partial class ApiDirectoryCache(IGrainFactory grains, ILogger<ApiDirectoryCache> logger)
{
    private Snapshot? _snapshot;
    private Task<Snapshot>? _refresh;
    private long _wanted = -1;

    /// <summary>
    /// The steady-state lookup: true with the API's protocol type, or with null when the API does not
    /// exist; false when the answer needs <see cref="FindAsync"/> (nothing loaded yet, or a refresh in flight).
    /// </summary>
    public bool TryFind(ReadOnlySpan<char> apiId, out string? protocolType)
    {
        protocolType = null;
        if (Volatile.Read(ref _snapshot) is not { } snapshot)
        {
            return false;
        }

        if (snapshot.Lookup.TryGetValue(apiId, out protocolType))
        {
            return true;
        }

        return Volatile.Read(ref _refresh) is null;
    }

    /// <summary>The API's protocol type after the load or refresh in flight; null when it does not exist.</summary>
    public async Task<string?> FindAsync(string apiId)
    {
        if (Volatile.Read(ref _snapshot) is null)
        {
            return (await Refresh(-1)).Apis.GetValueOrDefault(apiId);
        }

        // Only a refresh already in flight is joined: a request never starts one, so a flood of
        // made-up IDs cannot keep the directory reloading.
        if (Volatile.Read(ref _refresh) is { } pending)
        {
            try
            {
                await pending;
            }
            catch (Exception)
            {
                // The registry cannot be asked: the copy held is the best answer there is.
            }
        }

        return Volatile.Read(ref _snapshot)!.Apis.GetValueOrDefault(apiId);
    }

    /// <summary>The registry says the directory reached <paramref name="version"/>: fetch it unless this copy is as new.</summary>
    public void Changed(long version)
    {
        if (Volatile.Read(ref _snapshot) is { } snapshot && snapshot.Version >= version)
        {
            return;
        }

        InBackground(Refresh(version));
    }

    /// <summary>Compares versions with the registry (one small call) and fetches the directory only if it moved.</summary>
    public async Task RevalidateAsync()
    {
        if (Volatile.Read(ref _snapshot) is not { } snapshot)
        {
            return;
        }

        try
        {
            var version = await grains.GetGrain<IApiRegistryGrain>(0).GetDirectoryVersion();
            if (version != snapshot.Version)
            {
                Log.RevalidatedChanged(logger, snapshot.Version, version);
                await Refresh(version);
            }
        }
        catch (Exception e)
        {
            Log.RefreshFailed(logger, e.GetType().Name, e.Message);
        }
    }

    /// <summary>Joins the load in flight or starts one, wanting at least <paramref name="atLeast"/>; a failed load leaves the old copy in place.</summary>
    private Task<Snapshot> Refresh(long atLeast)
    {
        for (var wanted = Volatile.Read(ref _wanted); wanted < atLeast; wanted = Volatile.Read(ref _wanted))
        {
            Interlocked.CompareExchange(ref _wanted, atLeast, wanted);
        }

        return JoinOrStartLoad();
    }

    private Task<Snapshot> JoinOrStartLoad()
    {
        while (true)
        {
            var current = Volatile.Read(ref _refresh);
            if (current is not null)
            {
                return current;
            }

            var load = new TaskCompletionSource<Snapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Interlocked.CompareExchange(ref _refresh, load.Task, null) is null)
            {
                _ = LoadAsync(load);
                return load.Task;
            }
        }
    }

    private async Task LoadAsync(TaskCompletionSource<Snapshot> load)
    {
        Snapshot fresh;
        try
        {
            var directory = await grains.GetGrain<IApiRegistryGrain>(0).GetDirectory();
            fresh = new Snapshot(directory.Version, directory.Apis.ToFrozenDictionary(StringComparer.Ordinal));
        }
        catch (Exception e)
        {
            Volatile.Write(ref _refresh, null);
            load.SetException(e);
            return;
        }

        // One load at a time, so the one that ends is the newest: taken even if its version went down
        // (storage restored from a backup), which the revalidation timer notices.
        Volatile.Write(ref _snapshot, fresh);
        Log.Loaded(logger, fresh.Version, fresh.Apis.Count);
        Volatile.Write(ref _refresh, null);
        load.SetResult(fresh);

        // A push of a newer version that joined this load after it had read the registry: once more,
        // once (a push from before a restore cannot make it loop).
        if (Interlocked.Exchange(ref _wanted, -1) > fresh.Version)
        {
            InBackground(JoinOrStartLoad());
        }
    }

    /// <summary>A load nobody waits for: its failure is logged, the copy held stays.</summary>
    private void InBackground(Task<Snapshot> load) => _ = load.ContinueWith(
        static (t, state) => Log.RefreshFailed((ILogger)state!, t.Exception!.GetBaseException().GetType().Name, t.Exception.GetBaseException().Message),
        logger,
        CancellationToken.None,
        TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
        TaskScheduler.Default);

    private sealed class Snapshot(long version, FrozenDictionary<string, string> apis)
    {
        public long Version { get; } = version;

        public FrozenDictionary<string, string> Apis { get; } = apis;

        public FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } = apis.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Routing: API directory at version {Version} loaded with {Count} APIs")]
        public static partial void Loaded(ILogger logger, long version, int count);

        [LoggerMessage(2, LogLevel.Information, "Routing: revalidation found the API directory at version {Version} without a push (had {Cached})")]
        public static partial void RevalidatedChanged(ILogger logger, long cached, long version);

        [LoggerMessage(3, LogLevel.Warning, "Routing: loading the API directory failed ({ErrorType}: {Message}); the copy held is kept")]
        public static partial void RefreshFailed(ILogger logger, string errorType, string message);
    }
}
