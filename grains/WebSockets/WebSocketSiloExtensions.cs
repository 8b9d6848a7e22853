using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansGateway.Edges;

namespace OrleansGateway.WebSockets;

/// <summary>What a silo needs to run WebSocket routes: the compiled tables and one shared outbound handler.</summary>
public static class WebSocketSiloExtensions
{
    public static IServiceCollection AddWebSocketRoutes(this IServiceCollection services)
    {
        services.AddSingleton<WebSocketRouteTables>();
        services.AddSingleton<EdgeLocator>();
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
