using System.Text.Json;

namespace OrleansGateway.WebSockets;

/// <summary>The frames AWS sends a client instead of a route's answer: <c>{"message": ..., "connectionId": ..., "requestId": ...}</c>.</summary>
public static class WebSocketErrorFrames
{
    /// <summary>No route matched and there is no <c>$default</c>.</summary>
    public static byte[] Forbidden(string connectionId, string requestId) => Frame("Forbidden", connectionId, requestId);

    /// <summary>
    /// The message's route (or the account) is over its throttle, or the connection's queue is full: the
    /// text of the 429 AWS answers HTTP requests with, in the frame every WebSocket error uses.
    /// </summary>
    public static byte[] TooManyRequests(string connectionId, string requestId) => Frame("Too Many Requests", connectionId, requestId);

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
