using Microsoft.AspNetCore.Http.Features;
using OrleansGateway.SigV4;

namespace OrleansGateway.Edge.Authentication;

/// <summary>Reads an ASP.NET Core request as Signature V4 sees it: the raw target as sent, every header, the body's hash.</summary>
public static class SigV4HttpRequest
{
    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <summary>The request without its body (an empty payload hash), for the checks that come before the body is read.</summary>
    public static SigV4Request FromHeaders(HttpContext context)
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

        return new SigV4Request(request.Method, rawPath, rawQuery, headers, string.Empty);
    }

    /// <summary>The same request with the hash of its (already buffered) body.</summary>
    public static SigV4Request WithBody(SigV4Request request, ReadOnlySpan<byte> body) => request with
    {
        PayloadHash = request.Header("x-amz-content-sha256") == UnsignedPayload ? UnsignedPayload : SigV4Signer.HashHex(body),
    };
}
