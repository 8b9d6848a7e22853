namespace OrleansGateway.WebSockets;

/// <summary>The route keys a WebSocket API reserves, and the one key its route and integration responses support.</summary>
public static class WebSocketRouteKeys
{
    public const string Connect = "$connect";

    public const string Disconnect = "$disconnect";

    /// <summary>The catch-all route, and the catch-all key of route responses, integration responses and templates.</summary>
    public const string Default = "$default";
}
