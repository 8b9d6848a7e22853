using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using OrleansGateway.Integrations;

namespace OrleansGateway.Edge.ControlPlane;

/// <summary>
/// The admin endpoint without access keys: being bound to loopback does not stop a web page from
/// driving it (a cross-site POST, or DNS rebinding a name of the page's to 127.0.0.1). So it
/// serves only what the AWS CLI and SDKs send: a loopback <c>Host</c>, JSON bodies, and no
/// browser's <c>Origin</c> or cross-site <c>Sec-Fetch-Site</c>. Everything else is 403.
/// The data endpoint's management APIs follow the same rules without keys (see <see cref="ManagementRefusal"/>).
/// </summary>
public static class LoopbackCallers
{
    private const string Prefix = "The admin endpoint has no access keys configured and ";

    public static IApplicationBuilder UseLoopbackCallersOnly(this IApplicationBuilder app) =>
        app.UseRefusals("AccessDeniedException", context =>
            Refusal(context.Request, context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true) is { } message ? Prefix + message : null);

    /// <summary>Answers 403 <paramref name="errorType"/> with the message <paramref name="refusal"/> gives, when it gives one.</summary>
    public static IApplicationBuilder UseRefusals(this IApplicationBuilder app, string errorType, Func<HttpContext, string?> refusal) =>
        app.Use(async (context, next) =>
        {
            if (refusal(context) is { } message)
            {
                context.Response.Headers.Connection = "close";
                await WireErrors.WriteAsync(context, StatusCodes.Status403Forbidden, errorType, message);
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

        if (hasBody && !IsJson(request.ContentType) && !IsUntypedDocumentUpload(request))
        {
            return $"accepts only JSON request bodies (application/json), not '{request.ContentType}'";
        }

        return null;
    }

    /// <summary>
    /// The same rules for <c>@connections</c> and <c>@groups</c> on the data endpoint, which may listen
    /// on any address: the peer must be on loopback too. PostToConnection's body is raw bytes of any
    /// type, so the body's type is not checked; a web page still cannot hide its Origin.
    /// </summary>
    public static string? ManagementRefusal(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } peer || !IPAddress.IsLoopback(peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer))
        {
            return $"accepts only callers on loopback, not {context.Connection.RemoteIpAddress}";
        }

        return Refusal(context.Request, hasBody: false);
    }

    /// <summary>
    /// apigateway's operations whose payload is a document (ImportRestApi, PutRestApi, ImportApiKeys,
    /// ImportDocumentationParts): the CLI and boto3 send it with no Content-Type, the JS SDK as
    /// application/octet-stream. A browser cannot send such a request without its Origin (every
    /// cross-site POST and PUT carries one), which is refused above.
    /// </summary>
    private static bool IsUntypedDocumentUpload(HttpRequest request) =>
        (string.IsNullOrEmpty(request.ContentType) || IsOctetStream(request.ContentType))
        && (request.Method == HttpMethods.Put && request.Path.StartsWithSegments("/restapis", out var rest)
                && (rest.Value?.Count(c => c == '/') == 1 || rest.Value?.Count(c => c == '/') == 3 && rest.Value.EndsWith("/documentation/parts", StringComparison.Ordinal))
            || request.Method == HttpMethods.Post && request.Query["mode"] == "import" && (request.Path == "/restapis" || request.Path == "/apikeys"));

    private static bool IsOctetStream(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase);

    // The CLI, boto3 and the JS SDK send application/json; the JSON-protocol services' types are JSON too.
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.MediaType.StartsWith("application/x-amz-json-", StringComparison.OrdinalIgnoreCase));
}
