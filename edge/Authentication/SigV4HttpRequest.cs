using Microsoft.AspNetCore.Http.Features;
using OrleansGateway.SigV4;

namespace OrleansGateway.Edge.Authentication;

/// <summary>Reads an ASP.NET Core request as Signature V4 sees it: the raw target as sent, every header, the body's hash.</summary>
public static class SigV4HttpRequest
{
    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <summary>Buffers the body to hash it and rewinds it, so the operation can read it again.</summary>
    public static async Task<SigV4Request> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.PathBase + request.Path + request.QueryString).ToString();
        var queryStart = target.IndexOf('?');
        var rawPath = queryStart < 0 ? target : target[..queryStart];
        var rawQuery = queryStart < 0 ? string.Empty : target[(queryStart + 1)..];

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                headers.Add(new(name, value ?? string.Empty));
            }
        }

        var payloadHash = request.Headers["x-amz-content-sha256"].ToString() == UnsignedPayload
            ? UnsignedPayload
            : await HashBodyAsync(request, context.RequestAborted);
        return new SigV4Request(request.Method, rawPath, rawQuery, headers, payloadHash);
    }

    private static async Task<string> HashBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        request.Body.Position = 0;
        return SigV4Signer.HashHex(body.GetBuffer().AsSpan(0, (int)body.Length));
    }
}
