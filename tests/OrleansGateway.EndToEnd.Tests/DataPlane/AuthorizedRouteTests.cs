using System.Net;
using OrleansGateway.EndToEnd.Tests.ControlPlane;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.DataPlane;

/// <summary>
/// Authorizers are kept by the control plane but not evaluated by the edge yet: a route that
/// names one is closed (401, or 403 for AWS_IAM), never served as if it were open.
/// </summary>
public sealed class AuthorizedRouteTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    private readonly ApiGatewayV2Cli _aws = new(fixture.Edge.AdminUrl);

    [Fact]
    public async Task RoutesWithAnAuthorizer_AreRefused_OpenRoutesAreServed()
    {
        var apiId = (await _aws.JsonAsync("create-api", "--name", "authorized", "--protocol-type", "HTTP")).GetProperty("ApiId").GetString()!;
        var integrationId = (await _aws.JsonAsync("create-integration", "--api-id", apiId, "--integration-type", "HTTP_PROXY",
            "--integration-method", "ANY", "--integration-uri", fixture.Backend.Url + "/{proxy}", "--payload-format-version", "1.0")).GetProperty("IntegrationId").GetString()!;
        var authorizerId = (await _aws.JsonAsync("create-authorizer", "--api-id", apiId, "--name", "jwt", "--authorizer-type", "JWT",
            "--identity-source", "$request.header.Authorization", "--jwt-configuration", "Audience=a,Issuer=https://issuer.example")).GetProperty("AuthorizerId").GetString()!;
        var target = "integrations/" + integrationId;
        await _aws.JsonAsync("create-route", "--api-id", apiId, "--route-key", "GET /open/{proxy+}", "--target", target);
        await _aws.JsonAsync("create-route", "--api-id", apiId, "--route-key", "GET /jwt/{proxy+}", "--target", target,
            "--authorization-type", "JWT", "--authorizer-id", authorizerId);
        await _aws.JsonAsync("create-route", "--api-id", apiId, "--route-key", "GET /iam/{proxy+}", "--target", target, "--authorization-type", "AWS_IAM");
        await _aws.JsonAsync("create-stage", "--api-id", apiId, "--stage-name", "prod");
        await _aws.JsonAsync("create-deployment", "--api-id", apiId, "--stage-name", "prod");
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var stageUrl = $"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod";

        using var open = await http.GetAsync(stageUrl + "/open/x");
        using var jwt = await http.GetAsync(stageUrl + "/jwt/x");
        using var iam = await http.GetAsync(stageUrl + "/iam/x");

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, jwt.StatusCode);
        Assert.Equal("""{"message":"Unauthorized"}""", await jwt.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, iam.StatusCode);
        Assert.Contains("does not evaluate yet", fixture.Edge.Process.Output);
    }
}
