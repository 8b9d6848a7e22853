namespace OrleansGateway.Edge.DataPlane;

/// <summary>The one place the data plane writes its own answers: JSON, the request ID, never a stack trace.</summary>
public static class GatewayResponseWriter
{
    public const string RequestIdHeader = "apigw-requestid";

    public static Task WriteAsync(HttpContext context, GatewayResponse response, string requestId)
    {
        var http = context.Response;
        if (http.HasStarted)
        {
            // Headers are gone: the only honest signal left is to cut the connection.
            context.Abort();
            return Task.CompletedTask;
        }

        http.Clear();
        http.StatusCode = response.StatusCode;
        http.ContentType = "application/json";
        http.ContentLength = response.Body.Length;
        http.Headers[RequestIdHeader] = requestId;
        return http.Body.WriteAsync(response.Body).AsTask();
    }
}
