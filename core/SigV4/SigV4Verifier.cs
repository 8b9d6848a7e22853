using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrleansGateway.SigV4;

/// <summary>
/// Checks a request's <c>Authorization</c> header against the caller's secret. The region and
/// service are those of the credential scope the client chose, so one checker serves every
/// wire API. Signatures compare in constant time.
/// </summary>
public static class SigV4Verifier
{
    /// <summary>AWS refuses requests signed more than 15 minutes away from its clock.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Null when the signature is good; otherwise why not. <paramref name="secretFor"/> gives the
    /// secret access key of an access key id, null for an unknown key.
    /// </summary>
    public static SigV4Failure? Verify(SigV4Request request, Func<string, string?> secretFor, DateTimeOffset now)
    {
        if (request.Header("Authorization") is not { Length: > 0 } header)
        {
            return SigV4Failure.MissingAuthenticationToken;
        }

        if (SigV4Authorization.TryParse(header) is not { } authorization)
        {
            return SigV4Failure.Incomplete($"Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters with a credential scope of the form <key>/<date>/<region>/<service>/aws4_request. Authorization={header}");
        }

        if (secretFor(authorization.AccessKeyId) is not { } secret)
        {
            return SigV4Failure.UnrecognizedClient;
        }

        if (request.Header("X-Amz-Date") is not { } amzDate
            || !DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return SigV4Failure.Incomplete("Authorization header requires existence of a valid 'X-Amz-Date' header.");
        }

        if (!authorization.SignedHeaders.Contains("host"))
        {
            return SigV4Failure.Incomplete("'Host' must be a signed header.");
        }

        if ((now - signedAt).Duration() > MaxClockSkew)
        {
            return SigV4Failure.Expired(amzDate, now - MaxClockSkew);
        }

        var canonicalRequest = SigV4Signer.CanonicalRequest(request, authorization.SignedHeaders);
        var stringToSign = SigV4Signer.StringToSign(amzDate, authorization.CredentialScope, canonicalRequest);
        var key = SigV4Signer.SigningKey(secret, authorization.Date, authorization.Region, authorization.Service);
        var expected = SigV4Signer.Signature(key, stringToSign);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature))
            ? null
            : SigV4Failure.InvalidSignature(canonicalRequest, stringToSign);
    }
}
