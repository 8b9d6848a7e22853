using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrleansGateway.Throttling;

/// <summary>
/// The silo's <see cref="RequestThrottle"/>, for WebSocket messages: their route is chosen in the
/// connection's grain (the route selection expression reads the message body), so that is where the
/// route's limit can be known and checked. The silo's budgets lease from the same
/// <see cref="IThrottleGrain"/>s as edges do, one slice per scope per silo, so a message costs no
/// extra grain call and the cluster-wide limit holds across silos and edges alike. A co-hosting edge
/// (embedded mode) registers its own, which this one then leaves in place.
/// </summary>
public static partial class SiloThrottles
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddSiloThrottles(this IServiceCollection services)
    {
        services.AddOptions<ThrottlingOptions>().BindConfiguration(ThrottlingOptions.Section);
        services.TryAddSingleton(provider => CreateBudgets(provider, typeof(SiloThrottles)));
        services.TryAddSingleton(provider => new RequestThrottle(
            provider.GetRequiredService<ThrottleBudgets>(), provider.GetRequiredService<IOptions<ThrottlingOptions>>().Value.AccountLimit));
        return services;
    }

    /// <summary>
    /// A process's <see cref="ThrottleBudgets"/> over the scopes' <see cref="IThrottleGrain"/>s (the
    /// silo's here, the edge's in EdgeThrottles). While the silos are unreachable every busy scope fails
    /// a lease per slice, so failures are logged under <paramref name="category"/> at most once per
    /// <see cref="LogInterval"/>.
    /// </summary>
    public static ThrottleBudgets CreateBudgets(IServiceProvider provider, Type category)
    {
        var grains = provider.GetRequiredService<IGrainFactory>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(category);
        var clock = TimeProvider.System;
        // One name per process: a contended bucket hands its slices to each holder in turn.
        var holder = $"{category.Name}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        var budgets = new ThrottleBudgets((scope, limit, wanted) => grains.GetGrain<IThrottleGrain>(scope).Lease(limit, wanted, holder), clock);
        long loggedAt = 0;
        budgets.LeaseFailed += (scope, e) =>
        {
            var last = Interlocked.Read(ref loggedAt);
            if ((last == 0 || clock.GetElapsedTime(last) >= LogInterval) && Interlocked.CompareExchange(ref loggedAt, clock.GetTimestamp(), last) == last)
            {
                Log.LeaseFailed(logger, scope, e);
            }
        };
        return budgets;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Throttle lease for {Scope} failed; each scope admits a local slice per lease meanwhile")]
        public static partial void LeaseFailed(ILogger logger, string scope, Exception exception);
    }
}
