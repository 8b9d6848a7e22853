using OrleansGateway.Errors;
using OrleansGateway.HttpApis;

namespace OrleansGateway.Grains.Tests.HttpApis;

/// <summary>A deployment freezes the authorizers its routes name, so edges can evaluate them without a grain call.</summary>
public sealed class DeploymentAuthorizerTests(GatewayClusterFixture fixture) : IClassFixture<GatewayClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task Deployment_CarriesTheAuthorizers_AsTheyWereWhenDeployed()
    {
        var (created, api, integration, authorizer) = await CreateJwtApiAsync("jwt", "first");
        await api.CreateRoute(new RouteInput
        {
            RouteKey = "GET /orders",
            Target = "integrations/" + integration.IntegrationId,
            AuthorizationType = "JWT",
            AuthorizerId = authorizer.AuthorizerId,
            AuthorizationScopes = ["orders/read"],
        });
        await api.CreateStage(new StageInput { StageName = "prod" });
        await api.CreateDeployment(new DeploymentInput { StageName = "prod" });

        await api.UpdateAuthorizer(authorizer.AuthorizerId, new AuthorizerInput
        {
            JwtConfiguration = new JwtConfiguration { Issuer = "https://issuer.example", Audience = ["second"] },
        });
        var stage = _grains.GetGrain<IStageGrain>($"{created.ApiId}/prod");
        var deployed = (await stage.GetRuntime())!.Deployment!;
        await api.CreateDeployment(new DeploymentInput { StageName = "prod" });
        var redeployed = (await stage.GetRuntime())!.Deployment!;

        var frozen = Assert.Single(deployed.Authorizers!);
        Assert.Equal(authorizer.AuthorizerId, frozen.AuthorizerId);
        Assert.Equal(["first"], frozen.JwtConfiguration!.Audience!);
        Assert.Equal(["orders/read"], Assert.Single(deployed.Routes).AuthorizationScopes!);
        Assert.Equal(["second"], Assert.Single(redeployed.Authorizers!).JwtConfiguration!.Audience!);
    }

    [Fact]
    public async Task UpdateAuthorizer_RedeploysAutoDeployStages()
    {
        var (created, api, integration, authorizer) = await CreateJwtApiAsync("jwt-auto", "first");
        await api.CreateStage(new StageInput { StageName = "$default", AutoDeploy = true });
        await api.CreateRoute(new RouteInput
        {
            RouteKey = "GET /orders",
            Target = "integrations/" + integration.IntegrationId,
            AuthorizationType = "JWT",
            AuthorizerId = authorizer.AuthorizerId,
        });

        await api.UpdateAuthorizer(authorizer.AuthorizerId, new AuthorizerInput
        {
            JwtConfiguration = new JwtConfiguration { Issuer = "https://issuer.example", Audience = ["second"] },
        });

        var runtime = (await _grains.GetGrain<IStageGrain>($"{created.ApiId}/$default").GetRuntime())!;
        Assert.Equal(["second"], Assert.Single(runtime.Deployment!.Authorizers!).JwtConfiguration!.Audience!);
    }

    [Theory]
    [InlineData("$request.headers.X-Token")]
    [InlineData("method.request.header.Authorization")]
    [InlineData("$context.identity.sourceIp")]
    public async Task JwtAuthorizer_WithAnIdentitySourceThatIsNotAHeaderOrQueryString_IsBadRequest(string identitySource)
    {
        var created = await _grains.GetGrain<IApiRegistryGrain>(0).CreateApi(new ApiInput { Name = "jwt-source", ProtocolType = "HTTP" });
        var api = _grains.GetGrain<IApiGrain>(created.ApiId);

        var error = await Assert.ThrowsAsync<ApiGatewayException>(() => api.CreateAuthorizer(new AuthorizerInput
        {
            Name = "oidc",
            AuthorizerType = "JWT",
            IdentitySource = [identitySource],
            JwtConfiguration = new JwtConfiguration { Issuer = "https://issuer.example", Audience = ["api"] },
        }));

        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task UpdateAuthorizer_TypeOfOneARouteUses_IsBadRequest()
    {
        var (_, api, integration, authorizer) = await CreateJwtApiAsync("jwt-type", "api");
        await api.CreateRoute(new RouteInput
        {
            RouteKey = "GET /orders",
            Target = "integrations/" + integration.IntegrationId,
            AuthorizationType = "JWT",
            AuthorizerId = authorizer.AuthorizerId,
        });

        var error = await Assert.ThrowsAsync<ApiGatewayException>(() => api.UpdateAuthorizer(authorizer.AuthorizerId, new AuthorizerInput
        {
            AuthorizerType = "REQUEST",
            AuthorizerUri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations",
            AuthorizerPayloadFormatVersion = "2.0",
        }));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("JWT", (await api.GetAuthorizer(authorizer.AuthorizerId)).AuthorizerType);
    }

    /// <summary>An HTTP API with an HTTP_PROXY integration and a JWT authorizer for <paramref name="audience"/>.</summary>
    private async Task<(ApiDefinition Created, IApiGrain Api, IntegrationDefinition Integration, AuthorizerDefinition Authorizer)> CreateJwtApiAsync(string name, string audience)
    {
        var created = await _grains.GetGrain<IApiRegistryGrain>(0).CreateApi(new ApiInput { Name = name, ProtocolType = "HTTP" });
        var api = _grains.GetGrain<IApiGrain>(created.ApiId);
        var integration = await api.CreateIntegration(new IntegrationInput
        {
            IntegrationType = "HTTP_PROXY",
            IntegrationMethod = "ANY",
            IntegrationUri = "http://backend.example/{proxy}",
        });
        var authorizer = await api.CreateAuthorizer(new AuthorizerInput
        {
            Name = "oidc",
            AuthorizerType = "JWT",
            IdentitySource = ["$request.header.Authorization"],
            JwtConfiguration = new JwtConfiguration { Issuer = "https://issuer.example", Audience = [audience] },
        });
        return (created, api, integration, authorizer);
    }
}
