using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrleansGateway.Edges;
using OrleansGateway.Integrations;
using OrleansGateway.Throttling;

namespace OrleansGateway.WebSockets;

/// <summary>What a silo needs to run WebSocket routes and groups: the compiled tables, the routes' throttles, one shared outbound handler, the group limits.</summary>
public static class WebSocketSiloExtensions
{
    public static IServiceCollection AddWebSocketRoutes(this IServiceCollection services)
    {
        services.AddSingleton<WebSocketRouteTables>();
        services.AddSingleton<EdgeLocator>();
        services.AddSiloThrottles();
        services.AddOptions<GroupOptions>().BindConfiguration(GroupOptions.Section);
        services.AddSingleton(provider =>
        {
            // Embedded mode shares the process (and this registration) with the edge: its admin endpoint is refused as the edge refuses it.
            var ownAdmin = provider.GetService<OwnAdminEndpoint>();
            return new WebSocketRouteDispatcher(new HttpMessageInvoker(new SocketsHttpHandler
            {
                UseProxy = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(15),
                ConnectCallback = (context, cancellationToken) => OwnAdminEndpoint.ConnectAsync(context.DnsEndPoint, ownAdmin, cancellationToken),

                // Mapped header values may carry UTF-8, as on the edge's forwarder.
                RequestHeaderEncodingSelector = static (_, _) => Encoding.UTF8,
                ResponseHeaderEncodingSelector = static (_, _) => Encoding.UTF8,
            }), provider.GetRequiredService<RequestThrottle>());
        });
        return services;
    }
}
