using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane;

/// <summary>
/// An edge with admin keys: who is calling is settled from the headers before the body is read,
/// and signatures for another day, service or time are refused with AWS's 403 answers. Requests
/// are signed by botocore (the AWS CLI's signer) with its clock or scope bent.
/// </summary>
public sealed class SignedHostileControlPlaneTests(SignedEdgeFixture fixture) : IClassFixture<SignedEdgeFixture>
{
    // Signs POST /v2/apis with botocore's SigV4Auth for the given service and region, its clock
    // moved by some minutes, and optionally another day in the credential scope; prints the answer.
    private const string SignAndSend = """
        import sys, json, datetime, urllib.request, urllib.error
        import botocore.auth
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        url, key, secret, service, region, shift, scope_day = sys.argv[1:8]
        real_now = botocore.auth.get_current_datetime
        botocore.auth.get_current_datetime = lambda: real_now() + datetime.timedelta(minutes=int(shift))
        class BentScope(SigV4Auth):
            def _day(self, request):
                return scope_day if scope_day != '-' else request.context['timestamp'][0:8]
            def scope(self, request):
                return '/'.join([self.credentials.access_key, self.credential_scope(request)])
            def credential_scope(self, request):
                return '/'.join([self._day(request), self._region_name, self._service_name, 'aws4_request'])
            def signature(self, string_to_sign, request):
                k = self._sign(('AWS4' + self.credentials.secret_key).encode('utf-8'), self._day(request))
                k = self._sign(k, self._region_name)
                k = self._sign(k, self._service_name)
                k = self._sign(k, 'aws4_request')
                return self._sign(k, string_to_sign, hex=True)
        body = b'{"name": "bent", "protocolType": "HTTP"}'
        request = AWSRequest(method='POST', url=url + '/v2/apis', data=body, headers={'Content-Type': 'application/json'})
        BentScope(Credentials(key, secret), service, region).add_auth(request)
        prepared = request.prepare()
        try:
            response = urllib.request.urlopen(urllib.request.Request(prepared.url, data=body, headers=dict(prepared.headers), method='POST'))
            print(json.dumps({'status': response.status, 'type': None, 'body': response.read().decode()}))
        except urllib.error.HTTPError as e:
            print(json.dumps({'status': e.code, 'type': e.headers.get('x-amzn-ErrorType'), 'body': e.read().decode()}))
        """;

    [Fact]
    public async Task RightScope_IsServed()
    {
        var answer = await SendAsync("apigateway", "us-east-1", shiftMinutes: 0);
        Assert.Equal(201, answer.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ReplayedAfterFifteenMinutes_IsSignatureExpired()
    {
        var answer = await SendAsync("apigateway", "us-east-1", shiftMinutes: -16);
        AssertRefused(answer, "InvalidSignatureException", "Signature expired: ");
        Assert.Contains("is now earlier than", Message(answer));
        Assert.EndsWith(" - 15 min.)", Message(answer));
    }

    [Fact]
    public async Task SignedInTheFuture_IsNotYetCurrent()
    {
        var answer = await SendAsync("apigateway", "us-east-1", shiftMinutes: 16);
        AssertRefused(answer, "InvalidSignatureException", "Signature not yet current: ");
    }

    [Fact]
    public async Task WrongService_IsRefused()
    {
        var answer = await SendAsync("execute-api", "us-east-1", shiftMinutes: 0);
        AssertRefused(answer, "InvalidSignatureException", "Credential should be scoped to correct service: 'apigateway'. ");
    }

    [Fact]
    public async Task MalformedRegion_IsRefused()
    {
        var answer = await SendAsync("apigateway", "US_EAST_1", shiftMinutes: 0);
        AssertRefused(answer, "InvalidSignatureException", "Credential should be scoped to a valid region. ");
    }

    [Fact]
    public async Task ScopeDayOtherThanTheRequestDay_IsRefused()
    {
        var answer = await SendAsync("apigateway", "us-east-1", shiftMinutes: 0, scopeDay: "20200101");
        AssertRefused(answer, "InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20200101' != '");
    }

    [Theory]
    [InlineData(null, "MissingAuthenticationTokenException")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIDUNKNOWN/{day}/us-east-1/apigateway/aws4_request, SignedHeaders=host;x-amz-date, Signature=00", "UnrecognizedClientException")]
    [InlineData("AWS4-HMAC-SHA256 Credential=" + AwsCli.AccessKeyId + "/{day}/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=00", "InvalidSignatureException")]
    [InlineData("AWS4-HMAC-SHA256 garbage", "IncompleteSignatureException")]
    public async Task RefusedCaller_IsAnsweredBeforeTheBodyIsSent(string? authorization, string errorType)
    {
        var response = await RawHttp.SendAsync(fixture.Edge.AdminUrl, Head(authorization, contentLength: 50 * 1024 * 1024));
        Assert.Equal(403, response.StatusCode);
        Assert.Equal(errorType, response.ErrorType);
        Assert.StartsWith("{\"message\":", response.Body);
    }

    [Fact]
    public async Task KnownCallerWithABodyOverTheCap_Is413BeforeItIsSent()
    {
        // Header, key, date and scope are right; the signature cannot be checked without the body, which is too large.
        var authorization = "AWS4-HMAC-SHA256 Credential=" + AwsCli.AccessKeyId + "/{day}/us-east-1/apigateway/aws4_request, SignedHeaders=host;x-amz-date, Signature=00";
        var response = await RawHttp.SendAsync(fixture.Edge.AdminUrl, Head(authorization, contentLength: 50 * 1024 * 1024));
        Assert.Equal(413, response.StatusCode);
        Assert.Equal("{\"message\":\"Request Entity Too Large\"}", response.Body);

        var page = await AwsCli.RunAsync(fixture.Edge.AdminUrl, "apigatewayv2", "get-apis");
        Assert.Equal(0, page.ExitCode);
    }

    private static void AssertRefused(JsonElement answer, string errorType, string messageStart)
    {
        Assert.Equal(403, answer.GetProperty("status").GetInt32());
        Assert.Equal(errorType, answer.GetProperty("type").GetString());
        Assert.StartsWith(messageStart, Message(answer));
    }

    private static string Message(JsonElement answer) =>
        JsonDocument.Parse(answer.GetProperty("body").GetString()!).RootElement.GetProperty("message").GetString()!;

    private string Head(string? authorization, long contentLength)
    {
        var now = DateTime.UtcNow;
        var head = $"POST /v2/apis HTTP/1.1\nHost: {new Uri(fixture.Edge.AdminUrl).Authority}\nContent-Type: application/json\n"
            + $"X-Amz-Date: {now:yyyyMMdd'T'HHmmss'Z'}\nContent-Length: {contentLength}\n";
        return authorization is null ? head : head + $"Authorization: {authorization.Replace("{day}", now.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}\n";
    }

    private Task<JsonElement> SendAsync(string service, string region, int shiftMinutes, string scopeDay = "-") =>
        PythonScript.RunAsync(SignAndSend, fixture.Edge.AdminUrl, AwsCli.AccessKeyId, AwsCli.SecretAccessKey, service, region,
            shiftMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture), scopeDay);
}
