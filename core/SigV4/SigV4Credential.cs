using System.Security.Cryptography;
using System.Text;

namespace OrleansGateway.SigV4;

/// <summary>
/// A request whose Authorization header, access key, date and credential scope have passed:
/// only the signature is left, which needs the body's hash.
/// </summary>
public sealed record SigV4Credential(SigV4Authorization Authorization, string SecretAccessKey, string AmzDate)
{
    /// <summary>Null when the signature is good (compared in constant time); otherwise AWS's refusal.</summary>
    public SigV4Failure? CheckSignature(SigV4Request request)
    {
        var canonicalRequest = SigV4Signer.CanonicalRequest(request, Authorization.SignedHeaders);
        var stringToSign = SigV4Signer.StringToSign(AmzDate, Authorization.CredentialScope, canonicalRequest);
        var key = SigV4Signer.SigningKey(SecretAccessKey, Authorization.Date, Authorization.Region, Authorization.Service);
        var expected = SigV4Signer.Signature(key, stringToSign);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Authorization.Signature))
            ? null
            : SigV4Failure.InvalidSignature(canonicalRequest, stringToSign);
    }
}
