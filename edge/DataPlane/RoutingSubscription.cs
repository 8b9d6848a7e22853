using OrleansGateway.Edge.ApiKeys;
using OrleansGateway.Edge.DataPlane.Rest;
using OrleansGateway.Edge.WebSockets;
using OrleansGateway.Edges;
using OrleansGateway.Routing;

namespace OrleansGateway.Edge.DataPlane;

/// <summary>
/// Keeps this edge a member of <see cref="IEdgeDirectoryGrain"/> (key 0): joins to get the edge's
/// ID, renews well before the directory declares it dead, and revalidates the routing and API
/// mapping caches on a timer. After membership was lost and regained, pushes may have been missed,
/// so the caches are revalidated at once. An edge the directory declared dead (it could not renew
/// in time) had its connections' <c>$disconnect</c> run already: it drops those sockets and joins
/// again under a new ID.
/// </summary>
public sealed partial class RoutingSubscription(
    IGrainFactory grains,
    ApiDirectoryCache directory,
    RoutingTableCache cache,
    ApiMappingCache apiMappings,
    ApiKeyTableCache apiKeys,
    QuotaLeases quotas,
    RestTableCache restTables,
    SocketRegistry sockets,
    GroupSubscriptions groups,
    EdgeIdentity identity,
    DataPlaneOptions options,
    ILogger<RoutingSubscription> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    // Orleans holds observers weakly: this field keeps the edge alive to grains.
    private readonly EdgeObserver _observer = new(directory, cache, apiMappings, sockets, restTables, groups, apiKeys, quotas);
    private IEdgeObserver? _reference;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(KeepSubscribedAsync(stoppingToken), RevalidateAsync(stoppingToken));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_reference is { } reference && identity.Registration is { } registration)
        {
            try
            {
                await grains.GetGrain<IEdgeDirectoryGrain>(0).Leave(registration.EdgeId).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
                grains.DeleteObjectReference<IEdgeObserver>(reference);
            }
            catch (Exception e)
            {
                // The directory forgets an edge that stops renewing anyway.
                Log.UnsubscribeFailed(logger, e.GetType().Name, e.Message);
            }
        }
    }

    private async Task KeepSubscribedAsync(CancellationToken stoppingToken)
    {
        var subscribed = false;
        var everSubscribed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                _reference ??= grains.CreateObjectReference<IEdgeObserver>(_observer);
                var edges = grains.GetGrain<IEdgeDirectoryGrain>(0);
                if (identity.Registration is not { } registration)
                {
                    identity.Set(await edges.Join(_reference));
                    Log.Joined(logger, identity.Registration!.EdgeId);
                }
                else if (!await edges.Renew(registration.EdgeId, _reference))
                {
                    Log.DeclaredDead(logger, registration.EdgeId, sockets.Count);
                    identity.Set(null);
                    await sockets.AbandonAllAsync();
                    continue;
                }

                if (!subscribed)
                {
                    Log.Subscribed(logger);
                    if (everSubscribed)
                    {
                        await RevalidateAllAsync(stoppingToken);
                    }
                }

                subscribed = everSubscribed = true;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                if (subscribed || !everSubscribed)
                {
                    Log.SubscribeFailed(logger, e.GetType().Name, e.Message);
                }

                subscribed = false;
            }

            await Delay(subscribed ? options.SubscriptionRenewalInterval : RetryDelay, stoppingToken);
        }
    }

    private async Task RevalidateAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RevalidationInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RevalidateAllAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // A timeout or cancellation inside one round must not end the timer, let alone the host.
                    Log.RevalidationRoundFailed(logger, e.GetType().Name, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RevalidateAllAsync(CancellationToken stoppingToken)
    {
        await directory.RevalidateAsync();
        await cache.RevalidateAsync(stoppingToken);
        await restTables.RevalidateAsync(stoppingToken);
        await apiMappings.RevalidateAsync();
        await apiKeys.RevalidateAsync();
    }

    private static async Task Delay(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Routing: subscribed to routing changes")]
        public static partial void Subscribed(ILogger logger);

        [LoggerMessage(2, LogLevel.Warning, "Routing: subscribing to routing changes failed ({ErrorType}: {Message}); retrying, tables are revalidated on a timer meanwhile")]
        public static partial void SubscribeFailed(ILogger logger, string errorType, string message);

        [LoggerMessage(3, LogLevel.Debug, "Routing: unsubscribing failed ({ErrorType}: {Message})")]
        public static partial void UnsubscribeFailed(ILogger logger, string errorType, string message);

        [LoggerMessage(5, LogLevel.Information, "Edge: joined the cluster as edge {EdgeId}")]
        public static partial void Joined(ILogger logger, int edgeId);

        [LoggerMessage(6, LogLevel.Error, "Edge: the cluster declared edge {EdgeId} dead (it could not renew in time) and ran $disconnect for its connections; dropping its {Count} sockets and joining again")]
        public static partial void DeclaredDead(ILogger logger, int edgeId, int count);

        [LoggerMessage(4, LogLevel.Warning, "Routing: a revalidation round failed ({ErrorType}: {Message}); the next tick tries again")]
        public static partial void RevalidationRoundFailed(ILogger logger, string errorType, string message);
    }
}
