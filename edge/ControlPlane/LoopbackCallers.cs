using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using OrleansGateway.Integrations;

namespace OrleansGateway.Edge.ControlPlane;

/// <summary>
/// The admin endpoint without access keys: being bound to loopback does not stop a web page from
/// driving it (a cross-site POST, or DNS rebinding a name of the page's to 127.0.0.1). So it
/// serves only what the AWS CLI and SDKs send: a loopback <c>Host</c>, JSON bodies, and no
/// browser's <c>Origin</c> or cross-site <c>Sec-Fetch-Site</c>. Everything else is 403.
/// </summary>
public static class LoopbackCallers
{
    private const string Prefix = "The admin endpoint has no access keys configured and ";

    public static IApplicationBuilder UseLoopbackCallersOnly(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (Refusal(context.Request, context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true) is { } message)
            {
                context.Response.Headers.Connection = "close";
                await WireErrors.WriteAsync(context, StatusCodes.Status403Forbidden, "AccessDeniedException", Prefix + message);
                return;
            }

            await next(context);
        });

    /// <summary>Why a request cannot come from a local AWS client; null when it can.</summary>
    public static string? Refusal(HttpRequest request, bool hasBody)
    {
        if (!OwnAdminEndpoint.IsLoopbackHost(request.Host.Host))
        {
            return $"accepts only loopback Host names (localhost, 127.0.0.1, [::1]), not '{request.Host.Value}'";
        }

        if (request.Headers.Origin.Count > 0 || request.Headers["Sec-Fetch-Site"] is [{ } site] && site != "none")
        {
            return "refuses requests made by web pages (Origin or Sec-Fetch-Site headers)";
        }

        if (hasBody && !IsJson(request.ContentType))
        {
            return $"accepts only JSON request bodies (application/json), not '{request.ContentType}'";
        }

        return null;
    }

    // The CLI, boto3 and the JS SDK send application/json; the JSON-protocol services' types are JSON too.
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.MediaType.StartsWith("application/x-amz-json-", StringComparison.OrdinalIgnoreCase));
}
