using System.Globalization;

namespace OrleansGateway.SigV4;

/// <summary>
/// Checks a request's <c>Authorization</c> header against the caller's secret, in two steps so
/// that a host can refuse a request before it reads its body: <see cref="CheckHeaders"/> (header,
/// key, date, scope, clock skew), then <see cref="SigV4Credential.CheckSignature"/> with the
/// body's hash. One checker serves every wire API; each passes the scope it serves.
/// </summary>
public static class SigV4Verifier
{
    /// <summary>AWS refuses requests signed more than 15 minutes away from its clock.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Both steps at once, for a request whose <see cref="SigV4Request.PayloadHash"/> is known.
    /// Null when the signature is good; otherwise why not. <paramref name="scope"/> null accepts
    /// any service and region (the credential date must still be the request's day).
    /// </summary>
    public static SigV4Failure? Verify(SigV4Request request, Func<string, string?> secretFor, DateTimeOffset now, SigV4Scope? scope = null) =>
        CheckHeaders(request, secretFor, now, scope, out var credential) ?? credential!.CheckSignature(request);

    /// <summary>
    /// Everything that needs no body. Null with <paramref name="credential"/> set when the request
    /// may go on to its signature check; otherwise the refusal (all answered 403).
    /// </summary>
    public static SigV4Failure? CheckHeaders(SigV4Request request, Func<string, string?> secretFor, DateTimeOffset now, SigV4Scope? scope, out SigV4Credential? credential)
    {
        credential = null;
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

        var mismatches = (scope ?? new SigV4Scope(authorization.Service, authorization.Region)).Mismatches(authorization, amzDate);
        if (mismatches.Length > 0)
        {
            return SigV4Failure.WrongScope(mismatches);
        }

        if (signedAt < now - MaxClockSkew)
        {
            return SigV4Failure.Expired(amzDate, now - MaxClockSkew);
        }

        if (signedAt > now + MaxClockSkew)
        {
            return SigV4Failure.NotYetCurrent(amzDate, now + MaxClockSkew);
        }

        credential = new SigV4Credential(authorization, secret, amzDate);
        return null;
    }
}
