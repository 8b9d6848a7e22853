using OrleansGateway.SigV4;

namespace OrleansGateway.Core.Tests.SigV4;

/// <summary>
/// Cases from AWS's Signature Version 4 test suite (key AKIDEXAMPLE, region us-east-1, service
/// "service", 2015-08-30T12:36:00Z): for each request, the canonical request, the hash in the
/// string to sign and the signature AWS published.
/// </summary>
public sealed class AwsSigV4TestSuiteTests
{
    private const string AccessKeyId = "AKIDEXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string Scope = "20150830/us-east-1/service/aws4_request";
    private static readonly DateTimeOffset SignedAt = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, SuiteCase> Cases = new()
    {
        ["get-vanilla"] = new(
            "GET / HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Date:20150830T123600Z",
            "host;x-amz-date",
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        ["get-vanilla-query-order-key-case"] = new(
            "GET /?Param2=value2&Param1=value1 HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Date:20150830T123600Z",
            "host;x-amz-date",
            "GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0",
            "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
        ["get-vanilla-query-order-value"] = new(
            "GET /?Param1=value2&Param1=value1 HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Date:20150830T123600Z",
            "host;x-amz-date",
            "GET\n/\nParam1=value1&Param1=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "c968629d70850097a2d8781c9bf7edcb988b04cac14cca9be4acc3595f884606",
            "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"),
        ["get-vanilla-query-unreserved"] = new(
            "GET /?-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Date:20150830T123600Z",
            "host;x-amz-date",
            "GET\n/\n-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "c30d4703d9f799439be92736156d47ccfb2d879ddf56f5befa6d1d6aab979177",
            "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
        ["get-header-value-order"] = new(
            "GET / HTTP/1.1\nHost:example.amazonaws.com\nMy-Header1:value4\nMy-Header1:value1\nMy-Header1:value3\nMy-Header1:value2\nX-Amz-Date:20150830T123600Z",
            "host;my-header1;x-amz-date",
            "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value4,value1,value3,value2\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "31ce73cd3f3d9f66977ad3dd957dc47af14df92fcd8509f59b349e9137c58b86",
            "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"),
        ["get-header-value-trim"] = new(
            "GET / HTTP/1.1\nHost:example.amazonaws.com\nMy-Header1: value1\nMy-Header2: \"a   b   c\"\nX-Amz-Date:20150830T123600Z",
            "host;my-header1;my-header2;x-amz-date",
            "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nmy-header2:\"a b c\"\nx-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "a726db9b0df21c14f559d0a978e563112acb1b9e05476f0a6a1c7d68f28605c7",
            "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
        ["get-unreserved"] = new(
            "GET /-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Date:20150830T123600Z",
            "host;x-amz-date",
            "GET\n/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6a968768eefaa713e2a6b16b589a8ea192661f098f37349f4e2c0082757446f9",
            "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
        ["post-vanilla-query"] = new(
            "POST /?Param1=value1 HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Date:20150830T123600Z",
            "host;x-amz-date",
            "POST\n/\nParam1=value1\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd",
            "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
        ["normalize-path/get-slash-pointless-dot"] = new(
            "GET /./example HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Date:20150830T123600Z",
            "host;x-amz-date",
            "GET\n/example\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "214d50c111a8edc4819da6a636336472c916b5240f51e9a51b5c3305180cf702",
            "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5"),
        ["normalize-path/get-relative-relative"] = new(
            "GET /example1/example2/../.. HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Date:20150830T123600Z",
            "host;x-amz-date",
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        ["normalize-path/get-space"] = new(
            "GET /example space/ HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Date:20150830T123600Z",
            "host;x-amz-date",
            "GET\n/example%20space/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee9390d86",
            "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void CanonicalRequestStringToSignAndSignature_MatchAwsSuite(string name)
    {
        var suiteCase = Cases[name];
        var request = SignedRequestText.Parse(suiteCase.Request);
        var signedHeaders = suiteCase.SignedHeaders.Split(';');

        var canonical = SigV4Signer.CanonicalRequest(request, signedHeaders);
        var stringToSign = SigV4Signer.StringToSign("20150830T123600Z", Scope, canonical);
        var signature = SigV4Signer.Signature(SigV4Signer.SigningKey(Secret, "20150830", "us-east-1", "service"), stringToSign);

        Assert.Equal(suiteCase.CanonicalRequest, canonical);
        Assert.Equal($"AWS4-HMAC-SHA256\n20150830T123600Z\n{Scope}\n{suiteCase.CanonicalRequestHash}", stringToSign);
        Assert.Equal(suiteCase.Signature, signature);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void SignedSuiteRequest_IsAccepted(string name)
    {
        var request = SignedRequestText.Parse(Cases[name].Request, Authorization(Cases[name].SignedHeaders, Cases[name].Signature));
        Assert.Null(SigV4Verifier.Verify(request, SecretOf, SignedAt.AddMinutes(3)));
    }

    [Fact]
    public void AlteredRequest_IsInvalidSignature()
    {
        var suiteCase = Cases["get-vanilla-query-order-key-case"];
        var altered = suiteCase.Request.Replace("Param1=value1", "Param1=value9", StringComparison.Ordinal);
        var request = SignedRequestText.Parse(altered, Authorization(suiteCase.SignedHeaders, suiteCase.Signature));

        var failure = SigV4Verifier.Verify(request, SecretOf, SignedAt);

        Assert.Equal("InvalidSignatureException", failure?.ErrorType);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided.", failure!.Message);
    }

    [Fact]
    public void WrongSecret_IsInvalidSignature()
    {
        var suiteCase = Cases["get-vanilla"];
        var request = SignedRequestText.Parse(suiteCase.Request, Authorization(suiteCase.SignedHeaders, suiteCase.Signature));
        Assert.Equal("InvalidSignatureException", SigV4Verifier.Verify(request, _ => "not-the-secret", SignedAt)?.ErrorType);
    }

    [Fact]
    public void UnknownAccessKey_IsUnrecognizedClient()
    {
        var suiteCase = Cases["get-vanilla"];
        var request = SignedRequestText.Parse(suiteCase.Request, Authorization(suiteCase.SignedHeaders, suiteCase.Signature));

        var failure = SigV4Verifier.Verify(request, _ => null, SignedAt);

        Assert.Equal(SigV4Failure.UnrecognizedClient, failure);
        Assert.Equal("The security token included in the request is invalid.", failure!.Message);
    }

    [Fact]
    public void NoAuthorizationHeader_IsMissingAuthenticationToken()
    {
        var request = SignedRequestText.Parse(Cases["get-vanilla"].Request);
        var failure = SigV4Verifier.Verify(request, SecretOf, SignedAt);
        Assert.Equal("MissingAuthenticationTokenException", failure?.ErrorType);
        Assert.Equal("Missing Authentication Token", failure!.Message);
    }

    [Fact]
    public void SignatureOlderThanFifteenMinutes_IsExpired()
    {
        var suiteCase = Cases["get-vanilla"];
        var request = SignedRequestText.Parse(suiteCase.Request, Authorization(suiteCase.SignedHeaders, suiteCase.Signature));

        var failure = SigV4Verifier.Verify(request, SecretOf, SignedAt.AddMinutes(16));

        Assert.Equal("InvalidSignatureException", failure?.ErrorType);
        Assert.StartsWith("Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z", failure!.Message);
    }

    [Fact]
    public void MalformedAuthorization_IsIncompleteSignature()
    {
        var request = SignedRequestText.Parse(Cases["get-vanilla"].Request, "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request");
        Assert.Equal("IncompleteSignatureException", SigV4Verifier.Verify(request, SecretOf, SignedAt)?.ErrorType);
    }

    private static string? SecretOf(string accessKeyId) => accessKeyId == AccessKeyId ? Secret : null;

    private static string Authorization(string signedHeaders, string signature) =>
        $"AWS4-HMAC-SHA256 Credential={AccessKeyId}/{Scope}, SignedHeaders={signedHeaders}, Signature={signature}";

    private sealed record SuiteCase(string Request, string SignedHeaders, string CanonicalRequest, string CanonicalRequestHash, string Signature);
}
