using OrleansGateway.Throttling;

namespace OrleansGateway.Edge.Throttling;

/// <summary>
/// The edge's <see cref="ThrottleBudgets"/> (made as the silo makes its own,
/// <see cref="SiloThrottles.CreateBudgets"/>) and the <see cref="RequestThrottle"/> its pipelines ask:
/// method or route, then the configured account limit.
/// </summary>
public static class EdgeThrottles
{
    public static IServiceCollection AddEdgeThrottles(this IServiceCollection services, ThrottlingOptions options) => services
        .AddSingleton(provider => new RequestThrottle(provider.GetRequiredService<ThrottleBudgets>(), options.AccountLimit))
        .AddSingleton(provider => SiloThrottles.CreateBudgets(provider, typeof(EdgeThrottles)));
}
