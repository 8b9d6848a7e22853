namespace OrleansGateway.Edge.Health;

/// <summary>
/// <c>GET /healthz</c> on both endpoints: 200 once the host (and Orleans) has started. A request
/// addressed to an API by host name (<c>{apiId}.execute-api.*</c>) is the API's, even on that path.
/// </summary>
public static class HealthEndpoint
{
    public static IApplicationBuilder UseHealthEndpoint(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path.Equals("/healthz", StringComparison.Ordinal) && HttpMethods.IsGet(context.Request.Method)
                && !context.Request.Host.Host.Contains(".execute-api.", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.ContentType = "text/plain";
                return context.Response.WriteAsync("ok");
            }

            return next(context);
        });
}
