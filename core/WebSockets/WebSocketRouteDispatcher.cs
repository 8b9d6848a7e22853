using OrleansGateway.Mapping.Context;

namespace OrleansGateway.WebSockets;

/// <summary>Runs a connection's route: selection, mapping, the integration call and the answer.</summary>
public sealed class WebSocketRouteDispatcher(HttpMessageInvoker invoker)
{
    public HttpMessageInvoker Invoker { get; } = invoker;

    public Task<WebSocketRouteOutcome> DispatchAsync(WebSocketRouteTable table, WebSocketRouteRequest request, CancellationToken cancellationToken)
    {
        var key = request.EventType switch
        {
            WebSocketEventType.Connect => "$connect",
            WebSocketEventType.Disconnect => "$disconnect",
            _ => "$default",
        };
        if (!table.Routes.ContainsKey(key))
        {
            return Task.FromResult(request.EventType == WebSocketEventType.Message
                ? new WebSocketRouteOutcome { StatusCode = 403, Reply = WebSocketErrorFrames.Forbidden(request.Connection.ConnectionId, request.RequestId) }
                : new WebSocketRouteOutcome { StatusCode = 200 });
        }

        return Task.FromResult(new WebSocketRouteOutcome { RouteKey = key, StatusCode = 500, Reply = WebSocketErrorFrames.InternalServerError(request.Connection.ConnectionId, request.RequestId) });
    }
}
