using System.Net;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane;

/// <summary>With admin keys configured, every control-plane request must carry a valid Signature V4 for them.</summary>
public sealed class SigV4ControlPlaneTests
{
    [Fact]
    public async Task WithAdminKeys_RightKeysPass_WrongOnesGetAwsErrors()
    {
        await using var edge = await EdgeHost.StartAsync(environment: new Dictionary<string, string>
        {
            ["Gateway__Admin__AccessKeyId"] = AwsCli.AccessKeyId,
            ["Gateway__Admin__SecretAccessKey"] = AwsCli.SecretAccessKey,
        });

        var created = await AwsCli.RunAsync(edge.AdminUrl, "apigatewayv2", "create-api", "--name", "signed", "--protocol-type", "HTTP");
        var apiId = created.Json().GetProperty("ApiId").GetString()!;
        var stages = (await AwsCli.RunAsync(edge.AdminUrl, "apigatewayv2", "get-stage", "--api-id", apiId, "--stage-name", "$default")).Stderr;
        Assert.Contains("(NotFoundException)", stages); // signed with a query-less, double-encoded path and still accepted
        var page = (await AwsCli.RunAsync(edge.AdminUrl, "apigatewayv2", "get-apis", "--max-results", "5")).Json();
        Assert.Equal(apiId, page.GetProperty("Items")[0].GetProperty("ApiId").GetString());

        var wrongSecret = await AwsCli.RunAsAsync(AwsCli.AccessKeyId, "not-the-secret", edge.AdminUrl, "apigatewayv2", "get-apis");
        Assert.NotEqual(0, wrongSecret.ExitCode);
        Assert.Contains("(InvalidSignatureException) when calling the GetApis operation: The request signature we calculated does not match the signature you provided", wrongSecret.Stderr);

        var unknownKey = await AwsCli.RunAsAsync("AKIDUNKNOWN", AwsCli.SecretAccessKey, edge.AdminUrl, "apigatewayv2", "get-api", "--api-id", apiId);
        Assert.Contains("(UnrecognizedClientException) when calling the GetApi operation: The security token included in the request is invalid.", unknownKey.Stderr);

        using var http = new HttpClient();
        using var unsigned = await http.GetAsync(edge.AdminUrl + "/v2/apis");
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", unsigned.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal("{\"message\":\"Missing Authentication Token\"}", await unsigned.Content.ReadAsStringAsync());
        Assert.DoesNotContain("is unauthenticated on loopback", edge.Process.Output);
    }
}
