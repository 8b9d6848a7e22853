using OrleansGateway.Edge.DataPlane.Authorizers;

namespace OrleansGateway.Edge.DataPlane;

/// <summary>The data endpoint: invoke URLs of deployed APIs.</summary>
public static class DataPlaneExtensions
{
    /// <summary>Registers the routing cache, its subscription, authorizers, the forwarder and the pipeline.</summary>
    public static IServiceCollection AddDataPlane(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new DataPlaneOptions();
        configuration.GetSection(DataPlaneOptions.Section).Bind(options);
        services.AddSingleton(options);
        var authorizerOptions = new AuthorizerOptions();
        configuration.GetSection(AuthorizerOptions.Section).Bind(authorizerOptions);
        services.AddSingleton(authorizerOptions);
        services.AddSingleton<JwtKeyCache>();
        services.AddSingleton<RouteAuthorization>();
        services.AddHttpForwarder();
        services.AddSingleton<RoutingTableCache>();
        services.AddSingleton<ApiMappingCache>();
        services.AddSingleton<HttpProxyForwarder>();
        services.AddSingleton<DataPlanePipeline>();
        services.AddHostedService<RoutingSubscription>();
        return services;
    }

    public static void UseDataPlane(this IApplicationBuilder app)
    {
        var pipeline = app.ApplicationServices.GetRequiredService<DataPlanePipeline>();
        app.Run(pipeline.InvokeAsync);
    }
}
