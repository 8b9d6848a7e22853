namespace OrleansGateway.HttpApis;

/// <summary>
/// An API's kind as the <see cref="ApiDirectory"/> records it: apigatewayv2's <c>protocolType</c>
/// as the wire spells it, and <see cref="Rest"/> for apigateway's REST APIs, which share the ID space.
/// </summary>
public static class ProtocolTypes
{
    public const string Http = "HTTP";

    public const string WebSocket = "WEBSOCKET";

    public const string Rest = "REST";
}
