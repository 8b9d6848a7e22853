namespace OrleansGateway.Edge.DataPlane;

/// <summary>The one place the data plane writes its own answers: JSON, the request ID, never a stack trace.</summary>
public static class GatewayResponseWriter
{
    public const string RequestIdHeader = "apigw-requestid";

    /// <summary>Writes <paramref name="response"/>; <paramref name="challenge"/> becomes its <c>www-authenticate</c> header.</summary>
    public static Task WriteAsync(HttpContext context, GatewayResponse response, string requestId, string? challenge = null)
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
        if (challenge is not null)
        {
            http.Headers.WWWAuthenticate = challenge;
        }

        return http.Body.WriteAsync(response.Body).AsTask();
    }
}
