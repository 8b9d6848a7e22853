namespace OrleansGateway.HttpApis;

/// <summary>An API's <c>protocolType</c> as the wire spells it.</summary>
public static class ProtocolTypes
{
    public const string Http = "HTTP";

    public const string WebSocket = "WEBSOCKET";
}
