namespace OrleansGateway.SigV4;

/// <summary>Why a request's signature was refused, in AWS's words (all answered 403).</summary>
public sealed record SigV4Failure(string ErrorType, string Message)
{
    public static SigV4Failure MissingAuthenticationToken { get; } =
        new("MissingAuthenticationTokenException", "Missing Authentication Token");

    public static SigV4Failure UnrecognizedClient { get; } =
        new("UnrecognizedClientException", "The security token included in the request is invalid.");

    public static SigV4Failure Incomplete(string message) => new("IncompleteSignatureException", message);

    public static SigV4Failure InvalidSignature(string canonicalRequest, string stringToSign) => new(
        "InvalidSignatureException",
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
        + $"\n\nThe Canonical String for this request should have been\n'{canonicalRequest}'\n\nThe String-to-Sign should have been\n'{stringToSign}'\n");

    public static SigV4Failure WrongScope(string message) => new("InvalidSignatureException", message);

    public static SigV4Failure NotYetCurrent(string amzDate, DateTimeOffset latest) => new(
        "InvalidSignatureException",
        $"Signature not yet current: {amzDate} is still later than {latest.UtcDateTime:yyyyMMdd'T'HHmmss'Z'} ({latest.Subtract(SigV4Verifier.MaxClockSkew).UtcDateTime:yyyyMMdd'T'HHmmss'Z'} + 15 min.)");

    public static SigV4Failure Expired(string amzDate, DateTimeOffset earliest) => new(
        "InvalidSignatureException",
        $"Signature expired: {amzDate} is now earlier than {earliest.UtcDateTime:yyyyMMdd'T'HHmmss'Z'} ({earliest.Add(SigV4Verifier.MaxClockSkew).UtcDateTime:yyyyMMdd'T'HHmmss'Z'} - 15 min.)");
}
