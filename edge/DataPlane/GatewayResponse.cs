using System.Text;

namespace OrleansGateway.Edge.DataPlane;

/// <summary>
/// An answer the gateway gives itself instead of the integration, with the status and JSON body
/// AWS sends for HTTP APIs. The bodies are encoded once.
/// </summary>
public sealed class GatewayResponse
{
    private GatewayResponse(int statusCode, string message)
    {
        StatusCode = statusCode;
        Body = Encoding.UTF8.GetBytes($$"""{"message":"{{message}}"}""");
    }

    public int StatusCode { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>No API, stage or route for the URL (HTTP APIs answer 404, not REST's 403).</summary>
    public static GatewayResponse NotFound { get; } = new(StatusCodes.Status404NotFound, "Not Found");

    /// <summary>The API's default endpoint is disabled (<c>disableExecuteApiEndpoint</c>).</summary>
    public static GatewayResponse Forbidden { get; } = new(StatusCodes.Status403Forbidden, "Forbidden");

    /// <summary>The route needs an authorizer's approval, which this request does not have.</summary>
    public static GatewayResponse Unauthorized { get; } = new(StatusCodes.Status401Unauthorized, "Unauthorized");

    /// <summary>The request body is larger than the payload limit.</summary>
    public static GatewayResponse RequestEntityTooLarge { get; } = new(StatusCodes.Status413PayloadTooLarge, "Request Entity Too Large");

    /// <summary>
    /// The integration did not answer within its timeout. HTTP APIs answer 503 "Service Unavailable"
    /// here, not REST's 504 (observed on the wire, e.g. cortexlabs/cortex#1225).
    /// </summary>
    public static GatewayResponse IntegrationTimeout { get; } = new(StatusCodes.Status503ServiceUnavailable, "Service Unavailable");

    /// <summary>The integration could not be reached or failed, or the gateway itself failed.</summary>
    public static GatewayResponse InternalServerError { get; } = new(StatusCodes.Status500InternalServerError, "Internal Server Error");

    /// <summary>The edge cannot serve this now (a WebSocket upgrade before the edge joined the cluster).</summary>
    public static GatewayResponse ServiceUnavailable { get; } = new(StatusCodes.Status503ServiceUnavailable, "Service Unavailable");

    /// <summary>The route's or the account's throttle has no token for this request.</summary>
    public static GatewayResponse TooManyRequests { get; } = new(StatusCodes.Status429TooManyRequests, "Too Many Requests");

    /// <summary>The usage plan's quota for the client's API key is used up (REST's <c>QUOTA_EXCEEDED</c>).</summary>
    public static GatewayResponse LimitExceeded { get; } = new(StatusCodes.Status429TooManyRequests, "Limit Exceeded");

    /// <summary>The request could not be read.</summary>
    public static GatewayResponse BadRequest { get; } = new(StatusCodes.Status400BadRequest, "Bad Request");
}
