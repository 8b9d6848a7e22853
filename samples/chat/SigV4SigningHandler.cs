using System.Globalization;
using OrleansGateway.SigV4;

namespace OrleansGateway.Samples.Chat;

/// <summary>
/// Signs each request with Signature V4 for service <c>execute-api</c>, as the AWS SDKs sign calls
/// to <c>@connections</c>: the host and <c>x-amz-date</c> headers and the body's hash.
/// </summary>
internal sealed class SigV4SigningHandler(SigningKey key, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private const string Service = "execute-api";
    private static readonly string[] SignedHeaders = ["host", "x-amz-date"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var uri = request.RequestUri!;
        var host = uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
        var amzDate = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.Host = host;
        request.Headers.Add("x-amz-date", amzDate);

        // The path and query exactly as HttpClient writes them on the wire, still percent-encoded.
        var signed = new SigV4Request(
            request.Method.Method,
            uri.AbsolutePath,
            uri.Query,
            [new("host", host), new("x-amz-date", amzDate)],
            SigV4Signer.HashHex(body));
        var scope = $"{amzDate[..8]}/{key.Region}/{Service}/aws4_request";
        var stringToSign = SigV4Signer.StringToSign(amzDate, scope, SigV4Signer.CanonicalRequest(signed, SignedHeaders));
        var signature = SigV4Signer.Signature(SigV4Signer.SigningKey(key.SecretAccessKey, amzDate[..8], key.Region, Service), stringToSign);
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"{SigV4Authorization.Algorithm} Credential={key.AccessKeyId}/{scope}, SignedHeaders={string.Join(';', SignedHeaders)}, Signature={signature}");
        return await base.SendAsync(request, cancellationToken);
    }
}
