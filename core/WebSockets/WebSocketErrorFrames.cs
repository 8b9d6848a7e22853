using System.Text.Json;

namespace OrleansGateway.WebSockets;

/// <summary>The frames AWS sends a client instead of a route's answer: <c>{"message": ..., "connectionId": ..., "requestId": ...}</c>.</summary>
public static class WebSocketErrorFrames
{
    /// <summary>No route matched and there is no <c>$default</c>.</summary>
    public static byte[] Forbidden(string connectionId, string requestId) => Frame("Forbidden", connectionId, requestId);

    /// <summary>The route's integration failed or could not be called.</summary>
    public static byte[] InternalServerError(string connectionId, string requestId) => Frame("Internal server error", connectionId, requestId);

    public static byte[] Frame(string message, string connectionId, string requestId) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["message"] = message,
            ["connectionId"] = connectionId,
            ["requestId"] = requestId,
        });
}
