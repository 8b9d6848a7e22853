using System.IO.Compression;

namespace OrleansGateway.Edge.DataPlane.Rest;

/// <summary>
/// Writes a REST answer: its headers, the request ID as AWS names it for REST APIs, and the body,
/// gzip-compressed when the API sets <c>minimumCompressionSize</c>, the body is larger than that
/// and the client accepts gzip.
/// </summary>
public static class RestResponseWriter
{
    public const string RequestIdHeader = "x-amzn-RequestId";

    // Set by the gateway itself on the way out, whatever a mapping or backend said.
    private static readonly HashSet<string> Framing = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade", "Trailer", "Proxy-Connection",
    };

    public static async Task WriteAsync(HttpContext context, RestResponse response, string requestId, int? minimumCompressionSize)
    {
        var http = context.Response;
        if (http.HasStarted)
        {
            context.Abort();
            return;
        }

        http.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            if (!Framing.Contains(name))
            {
                http.Headers[name] = value;
            }
        }

        http.Headers[RequestIdHeader] = requestId;
        var body = response.Body;
        if (minimumCompressionSize is { } minimum && body.Length > minimum && !http.Headers.ContainsKey("Content-Encoding")
            && context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            using var compressed = new MemoryStream();
            await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                await gzip.WriteAsync(body);
            }

            body = compressed.ToArray();
            http.Headers.ContentEncoding = "gzip";
        }

        http.ContentLength = body.Length;
        await http.Body.WriteAsync(body, context.RequestAborted);
    }
}
