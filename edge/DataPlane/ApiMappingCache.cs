using OrleansGateway.DomainNames;
using OrleansGateway.Routing;

namespace OrleansGateway.Edge.DataPlane;

/// <summary>
/// The edge's copy of every custom domain name's API mappings, read by requests whose Host is not
/// an execute-api host: loaded from <see cref="IDomainNameRegistryGrain"/> on first use, dropped
/// when the registry says something changed (<see cref="WebSockets.EdgeObserver"/>), and reloaded on the
/// revalidation timer in case that message was lost.
/// </summary>
public sealed partial class ApiMappingCache(IGrainFactory grains, ILogger<ApiMappingCache> logger)
{
    private Task<ApiMappingTable>? _table;

    /// <summary>The loaded table: the steady-state path.</summary>
    public bool TryGetTable(out ApiMappingTable table)
    {
        if (Volatile.Read(ref _table) is { IsCompletedSuccessfully: true } loaded)
        {
            table = loaded.Result;
            return true;
        }

        table = null!;
        return false;
    }

    /// <summary>Loads (or joins the load of) the table.</summary>
    public Task<ApiMappingTable> GetTableAsync()
    {
        var current = Volatile.Read(ref _table);
        if (current is not null && !current.IsFaulted && !current.IsCanceled)
        {
            return current;
        }

        var load = LoadAsync();
        var won = Interlocked.CompareExchange(ref _table, load, current);
        return won == current ? load : won!;
    }

    /// <summary>Forgets the table; the next request that needs it loads it again.</summary>
    public void Invalidate()
    {
        Volatile.Write(ref _table, null);
        Log.Invalidated(logger);
    }

    /// <summary>Reloads a table that is in use, in case a change was not pushed.</summary>
    public async Task RevalidateAsync()
    {
        var current = Volatile.Read(ref _table);
        if (current is not { IsCompletedSuccessfully: true })
        {
            return;
        }

        try
        {
            var fresh = await LoadAsync();
            // Unless a push dropped it meanwhile: then the next request loads it anyway.
            _ = Interlocked.CompareExchange(ref _table, Task.FromResult(fresh), current);
        }
        catch (Exception e)
        {
            Log.RevalidationFailed(logger, e.GetType().Name, e.Message);
        }
    }

    private async Task<ApiMappingTable> LoadAsync()
    {
        var mappings = await grains.GetGrain<IDomainNameRegistryGrain>(0).GetApiMappingsByDomainName();
        var table = ApiMappingTable.Create(mappings);
        Log.Loaded(logger, table.DomainNameCount);
        return table;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Routing: {Count} custom domain names loaded")]
        public static partial void Loaded(ILogger logger, int count);

        [LoggerMessage(2, LogLevel.Debug, "Routing: custom domain names changed, table dropped")]
        public static partial void Invalidated(ILogger logger);

        [LoggerMessage(3, LogLevel.Warning, "Routing: reloading custom domain names failed ({ErrorType}: {Message})")]
        public static partial void RevalidationFailed(ILogger logger, string errorType, string message);
    }
}
