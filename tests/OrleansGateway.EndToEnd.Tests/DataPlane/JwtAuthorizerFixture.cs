using OrleansGateway.EndToEnd.Tests.ControlPlane;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.DataPlane;

/// <summary>
/// An edge, an echo backend, an OIDC issuer, and one HTTP API set up with the real AWS CLI: a JWT
/// authorizer on the issuer, a route that needs only a valid token, one that also needs a scope,
/// and an open one. The integration maps <c>$context.authorizer.claims.sub</c> to a header.
/// </summary>
public sealed class JwtAuthorizerFixture : IAsyncLifetime
{
    public const string Audience = "orders-api";

    public EdgeHost Edge { get; private set; } = null!;

    public EchoBackend Backend { get; private set; } = null!;

    public OidcIssuer Issuer { get; private set; } = null!;

    public string ApiId { get; private set; } = null!;

    public string AuthorizerId { get; private set; } = null!;

    public string StageUrl => $"{Edge.DataUrl}/_aws/execute-api/{ApiId}/prod";

    public async ValueTask InitializeAsync()
    {
        Backend = await EchoBackend.StartAsync();
        Issuer = await OidcIssuer.StartAsync();

        // A short refetch interval so the key rotation test need not wait out the default.
        Edge = await EdgeHost.StartAsync(environment: new Dictionary<string, string>
        {
            ["Gateway__Authorizers__JwtKeysRefreshInterval"] = "00:00:01",
        });

        var aws = new ApiGatewayV2Cli(Edge.AdminUrl);
        ApiId = (await aws.JsonAsync("create-api", "--name", "jwt-protected", "--protocol-type", "HTTP")).GetProperty("ApiId").GetString()!;
        var integrationId = (await aws.JsonAsync("create-integration", "--api-id", ApiId, "--integration-type", "HTTP_PROXY",
            "--integration-method", "ANY", "--integration-uri", Backend.Url + "/{proxy}", "--payload-format-version", "1.0",
            "--request-parameters", """{"overwrite:header.x-user":"$context.authorizer.claims.sub","overwrite:header.x-groups":"$context.authorizer.claims.groups"}"""))
            .GetProperty("IntegrationId").GetString()!;
        AuthorizerId = (await aws.JsonAsync("create-authorizer", "--api-id", ApiId, "--name", "oidc", "--authorizer-type", "JWT",
            "--identity-source", "$request.header.Authorization",
            "--jwt-configuration", $"Audience={Audience},Issuer={Issuer.Url}")).GetProperty("AuthorizerId").GetString()!;
        var target = "integrations/" + integrationId;
        await aws.JsonAsync("create-route", "--api-id", ApiId, "--route-key", "GET /jwt/{proxy+}", "--target", target,
            "--authorization-type", "JWT", "--authorizer-id", AuthorizerId);
        await aws.JsonAsync("create-route", "--api-id", ApiId, "--route-key", "GET /scoped/{proxy+}", "--target", target,
            "--authorization-type", "JWT", "--authorizer-id", AuthorizerId, "--authorization-scopes", "orders/read", "orders/write");
        await aws.JsonAsync("create-route", "--api-id", ApiId, "--route-key", "GET /open/{proxy+}", "--target", target);
        await aws.JsonAsync("create-stage", "--api-id", ApiId, "--stage-name", "prod");
        await aws.JsonAsync("create-deployment", "--api-id", ApiId, "--stage-name", "prod");
    }

    public async ValueTask DisposeAsync()
    {
        await Edge.DisposeAsync();
        await Issuer.DisposeAsync();
        await Backend.DisposeAsync();
    }
}
