using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OrleansGateway.HttpApis;

namespace OrleansGateway.WebSockets;

/// <summary>
/// The silo's compiled WebSocket route tables, one per <c>{apiId}/{stage}</c>: the stage's version is
/// asked at most once a second, and the runtime fetched and compiled only when it moved. Callers that
/// arrive while a check runs share it. An entry exists only for a stage that exists (a miss evicts
/// it), so the cache is bounded by the stages there are; a failed check is not cached. Compile faults
/// are logged once per version, not per message.
/// </summary>
public sealed partial class WebSocketRouteTables(IGrainFactory grains, ILogger<WebSocketRouteTables> logger, TimeProvider? clock = null)
{
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How many stages have a table here.</summary>
    public int Count => _entries.Count;

    /// <summary>The stage's table; null when the stage does not exist.</summary>
    public async Task<WebSocketRouteTable?> GetAsync(string apiId, string stage)
    {
        var key = $"{apiId}/{stage}";
        var now = _clock.GetUtcNow();
        var entry = _entries.GetValueOrDefault(key);
        if (entry is { Table: not null } && now - entry.CheckedAt < RecheckAfter)
        {
            return entry.Table;
        }

        // One check per stage at a time: a burst of messages after the second is up asks the stage once.
        if (entry?.Check is { IsCompleted: false } running)
        {
            return await running;
        }

        var check = new TaskCompletionSource<WebSocketRouteTable?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var checking = new Entry(entry?.Table, entry?.CheckedAt ?? DateTimeOffset.MinValue, check.Task);
        if (entry is null ? !_entries.TryAdd(key, checking) : !_entries.TryUpdate(key, checking, entry))
        {
            // Another caller started the check first: join it.
            return await GetAsync(apiId, stage);
        }

        try
        {
            var table = await LoadAsync(key, entry?.Table);
            if (table is null)
            {
                _entries.TryRemove(KeyValuePair.Create(key, checking));
            }
            else
            {
                _entries.TryUpdate(key, new Entry(table, _clock.GetUtcNow(), null), checking);
            }

            check.SetResult(table);
            return table;
        }
        catch (Exception e)
        {
            // Not cached: the next caller asks again rather than failing for a second on a silo hiccup.
            if (entry?.Table is null)
            {
                _entries.TryRemove(KeyValuePair.Create(key, checking));
            }
            else
            {
                _entries.TryUpdate(key, entry with { Check = null }, checking);
            }

            check.SetException(e);
            throw;
        }
    }

    private async Task<WebSocketRouteTable?> LoadAsync(string key, WebSocketRouteTable? held)
    {
        var stage = grains.GetGrain<IStageGrain>(key);
        if (held is not null && await stage.GetVersion() == held.Version)
        {
            return held;
        }

        if (await stage.GetRuntime() is not { } runtime)
        {
            return null;
        }

        var table = WebSocketRouteTable.Compile(runtime);
        foreach (var fault in table.Faults)
        {
            Log.RouteFault(logger, key, table.Version, fault);
        }

        return table;
    }

    private sealed record Entry(WebSocketRouteTable? Table, DateTimeOffset CheckedAt, Task<WebSocketRouteTable?>? Check);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "WebSocket stage {Stage} (version {Version}): {Fault}; the route answers 500")]
        public static partial void RouteFault(ILogger logger, string stage, long version, string fault);
    }
}
