namespace OrleansGateway.Errors;

/// <summary>
/// A control-plane failure in AWS's words: <see cref="ErrorType"/> is the wire error code
/// (<c>NotFoundException</c>, <c>BadRequestException</c>, <c>ConflictException</c>, ...) and
/// <see cref="StatusCode"/> its HTTP status. Grains throw it; the admin endpoint writes it.
/// </summary>
[GenerateSerializer, Alias("gw.ApiGatewayException")]
public sealed class ApiGatewayException : Exception
{
    public ApiGatewayException(string errorType, int statusCode, string message)
        : base(message)
    {
        ErrorType = errorType;
        StatusCode = statusCode;
    }

    [Id(0)] public string ErrorType { get; }
    [Id(1)] public int StatusCode { get; }

    public static ApiGatewayException NotFound(string message) => new("NotFoundException", 404, message);

    public static ApiGatewayException BadRequest(string message) => new("BadRequestException", 400, message);

    public static ApiGatewayException Conflict(string message) => new("ConflictException", 409, message);

    /// <summary>Worth retrying: the cluster could not do it just now (a silo or an edge failing over).</summary>
    public static ApiGatewayException ServiceUnavailable(string message) => new("ServiceUnavailableException", 503, message);
}
