namespace OrleansGateway.Edge.ControlPlane;

/// <summary>
/// Writes an AWS REST-JSON error: the status, the error code in <c>x-amzn-ErrorType</c> (where
/// botocore and the SDKs look first) and <c>{"message": ...}</c>.
/// </summary>
public static class WireErrors
{
    public const string ErrorTypeHeader = "x-amzn-ErrorType";

    public static Task WriteAsync(HttpContext context, int statusCode, string errorType, string message)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.Headers[ErrorTypeHeader] = errorType;
        response.ContentType = "application/json";
        return response.WriteAsJsonAsync(new WireError(message), WireJson.Options);
    }

    private sealed record WireError(string Message);
}
