namespace OrleansGateway.SigV4;

/// <summary>
/// The parts of an <c>Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...</c>
/// header; the credential scope names the date, region and service the client signed for.
/// </summary>
public sealed record SigV4Authorization(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public string CredentialScope => $"{Date}/{Region}/{Service}/aws4_request";

    /// <summary>Parses the header; null when it is not a well-formed SigV4 authorization.</summary>
    public static SigV4Authorization? TryParse(string header)
    {
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var parameters = header[(Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parameters.TryGetValue("Credential", out var credential)
            || !parameters.TryGetValue("SignedHeaders", out var signedHeaders)
            || !parameters.TryGetValue("Signature", out var signature))
        {
            return null;
        }

        // Credential=AKID/20150830/us-east-1/service/aws4_request; the key id itself may not hold '/'.
        var scope = credential.Split('/');
        if (scope is not [var accessKeyId, var date, var region, var service, "aws4_request"] || accessKeyId.Length == 0 || date.Length != 8)
        {
            return null;
        }

        return new SigV4Authorization(accessKeyId, date, region, service, signedHeaders.Split(';'), signature);
    }
}
