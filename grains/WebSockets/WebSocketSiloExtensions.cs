using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansGateway.Edges;

namespace OrleansGateway.WebSockets;

/// <summary>What a silo needs to run WebSocket routes and groups: the compiled tables, one shared outbound handler, the group limits.</summary>
public static class WebSocketSiloExtensions
{
    public static IServiceCollection AddWebSocketRoutes(this IServiceCollection services)
    {
        services.AddSingleton<WebSocketRouteTables>();
        services.AddSingleton<EdgeLocator>();
        services.AddOptions<GroupOptions>().BindConfiguration(GroupOptions.Section);
        services.AddSingleton(_ => new WebSocketRouteDispatcher(new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        })));
        return services;
    }
}
