using System.Text;
using OrleansGateway.SigV4;

namespace OrleansGateway.Core.Tests.SigV4;

/// <summary>
/// A signature is good only for the day, region and service of its credential scope: requests
/// correctly signed for another scope are refused with AWS's InvalidSignatureException messages,
/// and the checks that need no body run before it is read.
/// </summary>
public sealed class CredentialScopeTests
{
    private const string AccessKeyId = "AKIDEXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string Body = "{\"name\":\"signed\",\"protocolType\":\"HTTP\"}";
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 23, 58, 0, TimeSpan.Zero);

    [Fact]
    public void RightScope_IsAccepted()
    {
        var request = Signed("20260304", "us-east-1", "apigateway", Now);
        Assert.Null(SigV4Verifier.Verify(request, SecretOf, Now, SigV4Scope.ControlPlane(region: null)));
        Assert.Null(SigV4Verifier.Verify(request, SecretOf, Now, SigV4Scope.ControlPlane("us-east-1")));
    }

    [Fact]
    public void ScopeDateOtherThanTheRequestDay_IsRefused()
    {
        // Signed consistently with the wrong day, so the signature itself would match.
        var request = Signed("20260305", "us-east-1", "apigateway", Now);

        var failure = SigV4Verifier.Verify(request, SecretOf, Now, SigV4Scope.ControlPlane(region: null));

        Assert.Equal("InvalidSignatureException", failure?.ErrorType);
        Assert.Equal("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20260305' != '20260304', from '20260304T235800Z'. ", failure!.Message);
        Assert.Equal(failure, SigV4Verifier.Verify(request, SecretOf, Now), EqualityComparer<SigV4Failure>.Default);
    }

    [Fact]
    public void WrongService_IsRefused()
    {
        var failure = SigV4Verifier.Verify(Signed("20260304", "us-east-1", "execute-api", Now), SecretOf, Now, SigV4Scope.ControlPlane(region: null));
        Assert.Equal("InvalidSignatureException", failure?.ErrorType);
        Assert.Equal("Credential should be scoped to correct service: 'apigateway'. ", failure!.Message);
    }

    [Theory]
    [InlineData("us-west-2", "us-east-1")]
    [InlineData("US_EAST_1", null)]
    [InlineData("", null)]
    public void WrongRegion_IsRefused(string signedRegion, string? servedRegion)
    {
        var failure = SigV4Verifier.Verify(Signed("20260304", signedRegion, "apigateway", Now), SecretOf, Now, SigV4Scope.ControlPlane(servedRegion));
        Assert.Equal("InvalidSignatureException", failure?.ErrorType);
        Assert.Equal("Credential should be scoped to a valid region. ", failure!.Message);
    }

    [Fact]
    public void EveryMismatch_IsNamedAsAwsJoinsThem()
    {
        var failure = SigV4Verifier.Verify(Signed("20260303", "eu-west-1", "s3", Now), SecretOf, Now, SigV4Scope.ControlPlane("us-east-1"));
        Assert.Equal(
            "Credential should be scoped to a valid region. Credential should be scoped to correct service: 'apigateway'. "
            + "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20260303' != '20260304', from '20260304T235800Z'. ",
            failure!.Message);
    }

    [Fact]
    public void ReplayedAfterFifteenMinutes_IsExpired()
    {
        var request = Signed("20260304", "us-east-1", "apigateway", Now);

        var failure = SigV4Verifier.Verify(request, SecretOf, Now.AddMinutes(15).AddSeconds(1), SigV4Scope.ControlPlane(region: null));

        Assert.Equal("InvalidSignatureException", failure?.ErrorType);
        Assert.Equal("Signature expired: 20260304T235800Z is now earlier than 20260304T235801Z (20260305T001301Z - 15 min.)", failure!.Message);
    }

    [Fact]
    public void SignedMoreThanFifteenMinutesAhead_IsNotYetCurrent()
    {
        var request = Signed("20260304", "us-east-1", "apigateway", Now);

        var failure = SigV4Verifier.Verify(request, SecretOf, Now.AddMinutes(-16), SigV4Scope.ControlPlane(region: null));

        Assert.Equal("InvalidSignatureException", failure?.ErrorType);
        Assert.Equal("Signature not yet current: 20260304T235800Z is still later than 20260304T235700Z (20260304T234200Z + 15 min.)", failure!.Message);
    }

    [Fact]
    public void HeaderChecks_NeedNoBody_AndTheSignatureCoversIt()
    {
        var signed = Signed("20260304", "us-east-1", "apigateway", Now);
        var headersOnly = signed with { PayloadHash = string.Empty };

        Assert.Null(SigV4Verifier.CheckHeaders(headersOnly, SecretOf, Now, SigV4Scope.ControlPlane(region: null), out var credential));
        Assert.Null(credential!.CheckSignature(signed));
        var tampered = signed with { PayloadHash = SigV4Signer.HashHex(Encoding.UTF8.GetBytes(Body.Replace("signed", "forged", StringComparison.Ordinal))) };
        Assert.Equal("InvalidSignatureException", credential.CheckSignature(tampered)?.ErrorType);
    }

    [Fact]
    public void UnknownKey_IsRefusedBeforeTheBody()
    {
        var headersOnly = Signed("20260304", "us-east-1", "apigateway", Now) with { PayloadHash = string.Empty };
        Assert.Equal(SigV4Failure.UnrecognizedClient, SigV4Verifier.CheckHeaders(headersOnly, _ => null, Now, SigV4Scope.ControlPlane(region: null), out var credential));
        Assert.Null(credential);
    }

    private static string? SecretOf(string accessKeyId) => accessKeyId == AccessKeyId ? Secret : null;

    // Signs as botocore does, with whatever scope it is given.
    private static SigV4Request Signed(string scopeDate, string region, string service, DateTimeOffset at)
    {
        var amzDate = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Host", "127.0.0.1:8081"),
            new("Content-Type", "application/json"),
            new("X-Amz-Date", amzDate),
        };
        var request = new SigV4Request("POST", "/v2/apis", string.Empty, headers, SigV4Signer.HashHex(Encoding.UTF8.GetBytes(Body)));
        var authorization = new SigV4Authorization(AccessKeyId, scopeDate, region, service, ["content-type", "host", "x-amz-date"], string.Empty);
        var canonical = SigV4Signer.CanonicalRequest(request, authorization.SignedHeaders);
        var signature = SigV4Signer.Signature(
            SigV4Signer.SigningKey(Secret, scopeDate, region, service),
            SigV4Signer.StringToSign(amzDate, authorization.CredentialScope, canonical));
        headers.Add(new("Authorization", $"{SigV4Authorization.Algorithm} Credential={AccessKeyId}/{authorization.CredentialScope}, SignedHeaders=content-type;host;x-amz-date, Signature={signature}"));
        return request;
    }
}
