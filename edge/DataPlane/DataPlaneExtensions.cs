using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OrleansGateway.Edge.ApiKeys;
using OrleansGateway.Edge.Caching;
using OrleansGateway.Edge.DataPlane.Authorizers;
using OrleansGateway.Edge.Hosting;
using OrleansGateway.Edge.Throttling;
using OrleansGateway.Edge.WebSockets;
using OrleansGateway.Integrations;
using OrleansGateway.Throttling;
using OrleansGateway.WebSockets;

using OrleansGateway.Edge.DataPlane.Rest;

namespace OrleansGateway.Edge.DataPlane;

/// <summary>The data endpoint: invoke URLs of deployed APIs.</summary>
public static class DataPlaneExtensions
{
    /// <summary>
    /// Registers the routing cache, its subscription, authorizers, the forwarder and the pipeline;
    /// returns a one-line error instead when the data plane's settings cannot work.
    /// </summary>
    public static string? AddDataPlane(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new DataPlaneOptions();
        configuration.GetSection(DataPlaneOptions.Section).Bind(options);
        if (options.Validate() is { } invalid)
        {
            return invalid;
        }

        services.AddSingleton(options);
        var webSocketOptions = new WebSocketApiOptions();
        configuration.GetSection(WebSocketApiOptions.Section).Bind(webSocketOptions);
        if (webSocketOptions.Validate() is { } invalidWebSockets)
        {
            return invalidWebSockets;
        }

        services.AddSingleton(webSocketOptions);
        var throttling = new ThrottlingOptions();
        try
        {
            configuration.GetSection(ThrottlingOptions.Section).Bind(throttling);
        }
        catch (InvalidOperationException e)
        {
            return $"invalid {ThrottlingOptions.Section} configuration: {e.Message}";
        }

        if (throttling.Validate() is { } invalidThrottling)
        {
            return invalidThrottling;
        }

        services.AddSingleton(OwnAdminEndpoint.Of(GatewayEndpoints.AdminUrl(configuration)));
        services.Configure<KestrelServerOptions>(kestrel => ApplyLimits(kestrel, options));
        var authorizerOptions = new AuthorizerOptions();
        configuration.GetSection(AuthorizerOptions.Section).Bind(authorizerOptions);
        services.AddSingleton(authorizerOptions);
        services.AddSingleton<JwtKeyCache>();
        services.AddSingleton<RouteAuthorization>();
        services.AddHttpForwarder();
        services.AddSingleton<ApiDirectoryCache>();
        services.AddSingleton<RoutingTableCache>();
        services.AddSingleton<ApiMappingCache>();
        services.AddSingleton<ApiKeyTableCache>();
        services.AddSingleton<QuotaLeases>();
        services.AddSingleton<ApiKeyAdmission>();
        services.AddSingleton<HttpProxyForwarder>();
        services.AddSingleton<EdgeIdentity>();
        services.AddSingleton<SocketRegistry>();
        services.AddOptions<GroupOptions>().BindConfiguration(GroupOptions.Section);
        services.AddSingleton<GroupSubscriptions>();
        services.AddSingleton<WebSocketEndpoint>();
        services.AddSingleton<ConnectionManagementApi>();
        services.AddEdgeThrottles(throttling);
        services.AddSingleton<RestTableCache>();
        services.AddSingleton<RestIntegrationClient>();
        services.AddSingleton<RestResponseCache>();
        services.AddSingleton<RestPipeline>();
        services.AddSingleton<RestTestInvoker>();
        services.AddSingleton<DataPlanePipeline>();
        services.AddHostedService<RoutingSubscription>();
        services.AddHostedService<ConnectionLifetimes>();
        return null;
    }

    /// <summary>
    /// Kestrel's limits, set explicitly rather than left to its defaults so that they are seen and
    /// configured in one place. Kestrel applies them to every endpoint; the admin endpoint caps its
    /// bodies itself. Header values may carry UTF-8, which travels on to the integration unchanged.
    /// </summary>
    private static void ApplyLimits(KestrelServerOptions kestrel, DataPlaneOptions options)
    {
        var limits = kestrel.Limits;
        limits.MaxRequestHeadersTotalSize = options.MaxRequestHeadersTotalSize;
        limits.MaxRequestHeaderCount = options.MaxRequestHeaderCount;
        limits.MaxRequestLineSize = options.MaxRequestLineSize;
        limits.RequestHeadersTimeout = options.RequestHeadersTimeout;
        limits.MinRequestBodyDataRate = new MinDataRate(options.MinRequestBodyBytesPerSecond, options.MinDataRateGracePeriod);
        limits.MinResponseDataRate = new MinDataRate(options.MinResponseBytesPerSecond, options.MinDataRateGracePeriod);
        kestrel.RequestHeaderEncodingSelector = static _ => Encoding.UTF8;
        kestrel.ResponseHeaderEncodingSelector = static _ => Encoding.UTF8;
    }

    public static void UseDataPlane(this IApplicationBuilder app)
    {
        var pipeline = app.ApplicationServices.GetRequiredService<DataPlanePipeline>();
        app.Run(pipeline.InvokeAsync);
    }
}
