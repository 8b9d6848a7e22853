namespace OrleansGateway.Mapping.GatewayResponses;

/// <summary>
/// A failure the gateway answers itself: which gateway response to send and what
/// <c>$context.error.*</c> says. <see cref="StatusCode"/> is the status of the two default types
/// (<c>DEFAULT_4XX</c> / <c>DEFAULT_5XX</c>), which have none of their own.
/// </summary>
public sealed record GatewayError(
    GatewayResponseType Type, string Message, int? StatusCode = null, string? ValidationErrorString = null)
{
    public static GatewayError UnsupportedMediaType() => new(GatewayResponseType.UnsupportedMediaType, "Unsupported Media Type");

    public static GatewayError InternalServerError() => new(GatewayResponseType.Default5xx, "Internal server error", 500);

    public static GatewayError ApiConfigurationError() => new(GatewayResponseType.ApiConfigurationError, "Internal server error");

    /// <summary>The status sent when the response type's configuration names none.</summary>
    public int DefaultStatusCode => Type.DefaultStatusCode ?? StatusCode ?? (Type == GatewayResponseType.Default5xx ? 500 : 400);
}
