using OrleansGateway.Throttling;

namespace OrleansGateway.Edge.Throttling;

/// <summary>
/// The edge's <see cref="ThrottleBudgets"/> and the <see cref="RequestThrottle"/> its pipelines ask
/// (method or route, then the configured account limit): each scope's leases come from the scope's
/// <see cref="IThrottleGrain"/>. While the silos are unreachable every busy scope fails a lease per
/// slice, so failures are logged at most once per <see cref="LogInterval"/>.
/// </summary>
public static partial class EdgeThrottles
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddEdgeThrottles(this IServiceCollection services, ThrottlingOptions options) => services
        .AddSingleton(provider => new RequestThrottle(provider.GetRequiredService<ThrottleBudgets>(), options.AccountLimit))
        .AddSingleton(provider =>
        {
            var grains = provider.GetRequiredService<IGrainFactory>();
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EdgeThrottles));
            var clock = TimeProvider.System;
            var budgets = new ThrottleBudgets((scope, limit, wanted) => grains.GetGrain<IThrottleGrain>(scope).Lease(limit, wanted), clock);
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
        });

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Throttle lease for {Scope} failed; each scope admits a local slice per lease meanwhile")]
        public static partial void LeaseFailed(ILogger logger, string scope, Exception exception);
    }
}
