using Microsoft.Net.Http.Headers;
using OrleansGateway.Cors;

namespace OrleansGateway.Edge.DataPlane;

/// <summary>Writes an HTTP API's CORS policy onto responses: the gateway's own preflight answer and actual responses.</summary>
public static class CorsResponses
{
    /// <summary>
    /// Answers a preflight without calling any integration: 204 with the configured headers when the
    /// origin is allowed, 204 without them otherwise (the browser then refuses the request).
    /// </summary>
    public static Task WritePreflightAsync(HttpContext context, HttpApiCorsPolicy policy, string requestId)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status204NoContent;
        var headers = response.Headers;
        headers[GatewayResponseWriter.RequestIdHeader] = requestId;
        AddVaryOrigin(headers, policy);
        if (policy.AllowOriginFor(context.Request.Headers.Origin) is { } origin)
        {
            headers.AccessControlAllowOrigin = origin;
            SetIfAny(headers, HeaderNames.AccessControlAllowMethods, policy.AllowMethods);
            SetIfAny(headers, HeaderNames.AccessControlAllowHeaders, policy.AllowHeaders);
            SetIfAny(headers, HeaderNames.AccessControlMaxAge, policy.MaxAge);
            if (policy.AllowCredentials)
            {
                headers.AccessControlAllowCredentials = "true";
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Replaces whatever CORS headers the integration sent with the API's (AWS ignores the
    /// integration's CORS headers once the API has a CORS configuration).
    /// </summary>
    public static void DecorateActualResponse(HttpContext context, HttpApiCorsPolicy policy)
    {
        var headers = context.Response.Headers;
        List<string>? foreign = null;
        foreach (var header in headers)
        {
            if (header.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase))
            {
                (foreign ??= []).Add(header.Key);
            }
        }

        if (foreign is not null)
        {
            foreach (var name in foreign)
            {
                headers.Remove(name);
            }
        }

        AddVaryOrigin(headers, policy);
        if (policy.AllowOriginFor(context.Request.Headers.Origin) is { } origin)
        {
            headers.AccessControlAllowOrigin = origin;
            SetIfAny(headers, HeaderNames.AccessControlExposeHeaders, policy.ExposeHeaders);
            if (policy.AllowCredentials)
            {
                headers.AccessControlAllowCredentials = "true";
            }
        }
    }

    // Whether an origin is echoed depends on the request's Origin: a shared cache must not serve one origin's answer to another.
    private static void AddVaryOrigin(IHeaderDictionary headers, HttpApiCorsPolicy policy)
    {
        if (policy.VariesByOrigin)
        {
            headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        }
    }

    private static void SetIfAny(IHeaderDictionary headers, string name, string? value)
    {
        if (value is not null)
        {
            headers[name] = value;
        }
    }
}
