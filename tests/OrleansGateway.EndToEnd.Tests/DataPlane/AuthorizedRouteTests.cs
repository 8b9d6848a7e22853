using System.Net;
using OrleansGateway.EndToEnd.Tests.ControlPlane;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.DataPlane;

/// <summary>
/// Routes whose authorizer the edge cannot evaluate stay closed, answering as AWS does when it
/// cannot authorize: a Lambda (<c>CUSTOM</c>) authorizer 401 when the identity sources are missing
/// (AWS refuses before invoking the Lambda) and 500 otherwise (AWS's answer when the authorizer
/// cannot be invoked; there are no Lambda functions here); <c>AWS_IAM</c> 403.
/// </summary>
public sealed class AuthorizedRouteTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    private readonly ApiGatewayV2Cli _aws = new(fixture.Edge.AdminUrl);

    [Fact]
    public async Task LambdaAndIamRoutes_StayClosed_OpenRoutesAreServed()
    {
        var apiId = (await _aws.JsonAsync("create-api", "--name", "authorized", "--protocol-type", "HTTP")).GetProperty("ApiId").GetString()!;
        var integrationId = (await _aws.JsonAsync("create-integration", "--api-id", apiId, "--integration-type", "HTTP_PROXY",
            "--integration-method", "ANY", "--integration-uri", fixture.Backend.Url + "/{proxy}", "--payload-format-version", "1.0")).GetProperty("IntegrationId").GetString()!;
        var authorizerId = (await _aws.JsonAsync("create-authorizer", "--api-id", apiId, "--name", "lambda", "--authorizer-type", "REQUEST",
            "--identity-source", "$request.header.X-Api-Token", "--authorizer-payload-format-version", "2.0",
            "--authorizer-uri", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations"))
            .GetProperty("AuthorizerId").GetString()!;
        var target = "integrations/" + integrationId;
        await _aws.JsonAsync("create-route", "--api-id", apiId, "--route-key", "GET /open/{proxy+}", "--target", target);
        await _aws.JsonAsync("create-route", "--api-id", apiId, "--route-key", "GET /lambda/{proxy+}", "--target", target,
            "--authorization-type", "CUSTOM", "--authorizer-id", authorizerId);
        await _aws.JsonAsync("create-route", "--api-id", apiId, "--route-key", "GET /iam/{proxy+}", "--target", target, "--authorization-type", "AWS_IAM");
        await _aws.JsonAsync("create-stage", "--api-id", apiId, "--stage-name", "prod");
        await _aws.JsonAsync("create-deployment", "--api-id", apiId, "--stage-name", "prod");
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var stageUrl = $"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod";

        using var open = await http.GetAsync(stageUrl + "/open/x");
        using var lambdaWithoutIdentity = await http.GetAsync(stageUrl + "/lambda/x");
        using var withIdentity = new HttpRequestMessage(HttpMethod.Get, stageUrl + "/lambda/x") { Headers = { { "X-Api-Token", "t" } } };
        using var lambdaWithIdentity = await http.SendAsync(withIdentity);
        using var iam = await http.GetAsync(stageUrl + "/iam/x");

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, lambdaWithoutIdentity.StatusCode);
        Assert.Equal("""{"message":"Unauthorized"}""", await lambdaWithoutIdentity.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, lambdaWithIdentity.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", await lambdaWithIdentity.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, iam.StatusCode);
        Assert.Equal("""{"message":"Forbidden"}""", await iam.Content.ReadAsStringAsync());
    }
}
