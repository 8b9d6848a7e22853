using System.Collections.Concurrent;
using OrleansGateway.HttpApis;

namespace OrleansGateway.WebSockets;

/// <summary>
/// The silo's compiled WebSocket route tables, one per <c>{apiId}/{stage}</c>: the stage's version is
/// asked at most once a second, and the runtime fetched only when it moved. An entry exists only for a
/// stage that exists, so the table is bounded by the stages there are.
/// </summary>
public sealed class WebSocketRouteTables(IGrainFactory grains)
{
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (WebSocketRouteTable Table, DateTime CheckedAt)> _tables = new(StringComparer.Ordinal);

    /// <summary>The stage's table; null when the stage does not exist.</summary>
    public async Task<WebSocketRouteTable?> GetAsync(string apiId, string stage)
    {
        var key = $"{apiId}/{stage}";
        var now = DateTime.UtcNow;
        if (_tables.TryGetValue(key, out var cached) && now - cached.CheckedAt < RecheckAfter)
        {
            return cached.Table;
        }

        var grain = grains.GetGrain<IStageGrain>(key);
        if (cached.Table is { } held && await grain.GetVersion() == held.Version)
        {
            _tables[key] = (held, now);
            return held;
        }

        if (await grain.GetRuntime() is not { } runtime)
        {
            _tables.TryRemove(key, out _);
            return null;
        }

        var table = WebSocketRouteTable.Compile(runtime);
        _tables[key] = (table, now);
        return table;
    }
}
