using OrleansGateway.Routing;

namespace OrleansGateway.Edge.DataPlane;

/// <summary>
/// Keeps this edge subscribed to <see cref="IEdgeDirectoryGrain"/> (key 0), renewing before the
/// directory forgets it, and revalidates the routing and API mapping caches on a timer. After the
/// subscription was lost and regained, pushes may have been missed, so they are revalidated at once.
/// </summary>
public sealed partial class RoutingSubscription(
    IGrainFactory grains,
    ApiDirectoryCache directory,
    RoutingTableCache cache,
    ApiMappingCache apiMappings,
    DataPlaneOptions options,
    ILogger<RoutingSubscription> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    // Orleans holds observers weakly: this field keeps the edge's ear alive.
    private readonly RoutingObserver _observer = new(directory, cache, apiMappings);
    private IRoutingObserver? _reference;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(KeepSubscribedAsync(stoppingToken), RevalidateAsync(stoppingToken));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_reference is { } reference)
        {
            try
            {
                await grains.GetGrain<IEdgeDirectoryGrain>(0).Unsubscribe(reference).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
                grains.DeleteObjectReference<IRoutingObserver>(reference);
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
                _reference ??= grains.CreateObjectReference<IRoutingObserver>(_observer);
                await grains.GetGrain<IEdgeDirectoryGrain>(0).Subscribe(_reference);
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
        await apiMappings.RevalidateAsync();
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

        [LoggerMessage(4, LogLevel.Warning, "Routing: a revalidation round failed ({ErrorType}: {Message}); the next tick tries again")]
        public static partial void RevalidationRoundFailed(ILogger logger, string errorType, string message);
    }
}
