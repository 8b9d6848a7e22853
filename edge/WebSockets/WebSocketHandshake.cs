using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace OrleansGateway.Edge.WebSockets;

/// <summary>RFC 6455's opening handshake, checked and answered by the edge itself so that <c>$connect</c> runs before it completes.</summary>
public static class WebSocketHandshake
{
    private const string Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>An HTTP/1.1 GET asking to upgrade to a WebSocket.</summary>
    public static bool IsUpgrade(HttpContext context) =>
        context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true }
        && HttpMethods.IsGet(context.Request.Method)
        && context.Request.Headers.Upgrade.ToString().Equals("websocket", StringComparison.OrdinalIgnoreCase);

    /// <summary>The key and version are what RFC 6455 requires.</summary>
    public static bool IsValid(HttpRequest request) =>
        request.Headers.SecWebSocketVersion.ToString() == "13"
        && request.Headers.SecWebSocketKey.ToString() is { Length: 24 } key
        && Convert.TryFromBase64String(key, stackalloc byte[18], out var written) && written == 16;

    public static string AcceptKey(string key) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + Guid)));

    /// <summary>The subprotocols the client offered, in its order.</summary>
    public static List<string>? OfferedSubprotocols(HttpRequest request)
    {
        List<string>? offered = null;
        foreach (var value in request.Headers.SecWebSocketProtocol)
        {
            foreach (var name in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                (offered ??= []).Add(name);
            }
        }

        return offered;
    }
}
