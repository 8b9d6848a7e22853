using OrleansGateway.DomainNames;
using OrleansGateway.Errors;
using OrleansGateway.HttpApis;
using OrleansGateway.RestApis;

namespace OrleansGateway.Grains.Tests.DomainNames;

/// <summary>
/// apigateway's (v1) base path mappings are the registry's API mappings, keyed by base path, and
/// checked as AWS checks them: a REST API and one of its stages, one segment, unique per domain name.
/// </summary>
public sealed class BasePathMappingTests(GatewayClusterFixture fixture) : IClassFixture<GatewayClusterFixture>
{
    private readonly IDomainNameRegistryGrain _registry = fixture.Client.GetGrain<IDomainNameRegistryGrain>(0);

    [Fact]
    public async Task BasePathMapping_IsAnApiMapping_AndNoneIsTheEmptyKey()
    {
        var apiId = await DeployedRestApiAsync("prod");
        await _registry.CreateDomainName(new DomainNameInput { DomainName = "v1.example.test", DomainNameConfigurations = [new() { EndpointType = EndpointTypes.Edge }] });

        var root = await _registry.CreateBasePathMapping("v1.example.test", new ApiMappingInput { ApiId = apiId, Stage = "prod", ApiMappingKey = BasePaths.None });
        var shop = await _registry.CreateBasePathMapping("v1.example.test", new ApiMappingInput { ApiId = apiId, ApiMappingKey = "shop" });

        Assert.Equal(string.Empty, root.ApiMappingKey);
        Assert.Equal(root.ApiMappingId, (await _registry.GetBasePathMapping("v1.example.test", BasePaths.None)).ApiMappingId);
        Assert.Equal((apiId, string.Empty), ((await _registry.GetBasePathMapping("v1.example.test", "shop")).ApiId, shop.Stage));
        Assert.Equal(["", "shop"], (await _registry.GetApiMappings("v1.example.test")).Select(m => m.ApiMappingKey));
        var configuration = Assert.Single((await _registry.GetDomainName("v1.example.test")).DomainNameConfigurations!);
        Assert.Equal((EndpointTypes.Edge, "Z2FDTNDATAQYW2"), (configuration.EndpointType, configuration.HostedZoneId));
        Assert.EndsWith(".cloudfront.localhost", configuration.ApiGatewayDomainName);

        var moved = await _registry.PatchBasePathMapping("v1.example.test", "shop", [new PatchOperation { Op = "replace", Path = "/basePath", Value = "store" }]);
        Assert.Equal((shop.ApiMappingId, "store"), (moved.ApiMappingId, moved.ApiMappingKey));
        await _registry.DeleteBasePathMapping("v1.example.test", "store");
        var gone = await Assert.ThrowsAsync<ApiGatewayException>(() => _registry.GetBasePathMapping("v1.example.test", "store"));
        Assert.Equal((404, "Invalid base path mapping identifier specified"), (gone.StatusCode, gone.Message));
    }

    [Fact]
    public async Task BasePathMapping_RefusesWhatAwsRefuses()
    {
        var apiId = await DeployedRestApiAsync("prod");
        var httpApi = await fixture.Client.GetGrain<IApiRegistryGrain>(0).CreateApi(new ApiInput { Name = "http", ProtocolType = ProtocolTypes.Http });
        await _registry.CreateDomainName(new DomainNameInput { DomainName = "checks.example.test" });
        await _registry.CreateBasePathMapping("checks.example.test", new ApiMappingInput { ApiId = apiId, Stage = "prod", ApiMappingKey = "v1" });

        async Task<(int, string)> Refused(ApiMappingInput input)
        {
            var e = await Assert.ThrowsAsync<ApiGatewayException>(() => _registry.CreateBasePathMapping("checks.example.test", input));
            return (e.StatusCode, e.Message);
        }

        Assert.Equal((400, "Invalid REST API identifier specified"), await Refused(new() { ApiId = "nope000000", ApiMappingKey = "a" }));
        Assert.Equal((400, "Invalid REST API identifier specified"), await Refused(new() { ApiId = httpApi.ApiId, ApiMappingKey = "a" }));
        Assert.Equal((400, "Invalid stage identifier specified"), await Refused(new() { ApiId = apiId, Stage = "nope", ApiMappingKey = "a" }));
        Assert.Equal(400, (await Refused(new() { ApiId = apiId, Stage = "prod", ApiMappingKey = "a/b" })).Item1);
        Assert.Equal((409, "Base path already exists for this domain name"), await Refused(new() { ApiId = apiId, Stage = "prod", ApiMappingKey = "v1" }));
        var noDomain = await Assert.ThrowsAsync<ApiGatewayException>(() => _registry.CreateBasePathMapping("nobody.example.test", new() { ApiId = apiId }));
        Assert.Equal(404, noDomain.StatusCode);
    }

    [Fact]
    public async Task ApiMapping_OfARestApi_TakesAMultiLevelKey()
    {
        var apiId = await DeployedRestApiAsync("prod");
        await _registry.CreateDomainName(new DomainNameInput { DomainName = "multi.example.test" });

        var mapping = await _registry.CreateApiMapping("multi.example.test", new ApiMappingInput { ApiId = apiId, Stage = "prod", ApiMappingKey = "orders/v2" });
        var noStage = await Assert.ThrowsAsync<ApiGatewayException>(() =>
            _registry.CreateApiMapping("multi.example.test", new ApiMappingInput { ApiId = apiId, Stage = "dev", ApiMappingKey = "x" }));

        Assert.Equal(mapping.ApiMappingId, (await _registry.GetBasePathMapping("multi.example.test", "orders/v2")).ApiMappingId);
        Assert.Equal(404, noStage.StatusCode);
    }

    [Fact]
    public async Task PatchDomainName_ChangesTheOneConfiguration_AndMovesEdgeToRegional()
    {
        await _registry.CreateDomainName(new DomainNameInput { DomainName = "patch.example.test", DomainNameConfigurations = [new() { EndpointType = EndpointTypes.Edge }] });

        var patched = await _registry.PatchDomainName("patch.example.test",
        [
            new PatchOperation { Op = "replace", Path = "/certificateArn", Value = "arn:aws:acm:us-east-1:123456789012:certificate/abc" },
            new PatchOperation { Op = "replace", Path = "/endpointConfiguration/types/0", Value = EndpointTypes.Regional },
            new PatchOperation { Op = "replace", Path = "/policy", Value = "{}" },
        ]);
        var refused = await Assert.ThrowsAsync<ApiGatewayException>(() =>
            _registry.PatchDomainName("patch.example.test", [new PatchOperation { Op = "replace", Path = "/domainName", Value = "x" }]));

        var configuration = Assert.Single(patched.DomainNameConfigurations!);
        Assert.Equal((EndpointTypes.Regional, "arn:aws:acm:us-east-1:123456789012:certificate/abc", "{}"), (configuration.EndpointType, configuration.CertificateArn, patched.Policy));
        Assert.StartsWith("d-", configuration.ApiGatewayDomainName);
        Assert.NotNull(configuration.CertificateUploadDate);
        Assert.Equal(400, refused.StatusCode);
    }

    private async Task<string> DeployedRestApiAsync(string stage)
    {
        var api = await fixture.Client.GetGrain<IApiRegistryGrain>(0).CreateRestApi(new RestApiInput { Name = "mapped" });
        var grain = fixture.Client.GetGrain<IRestApiGrain>(api.Id);
        await grain.PutMethod(api.RootResourceId, "GET", new RestMethodInput { AuthorizationType = "NONE" });
        await grain.PutIntegration(api.RootResourceId, "GET", new RestIntegrationInput { Type = "MOCK" });
        await grain.CreateDeployment(new RestDeploymentInput { StageName = stage });
        return api.Id;
    }
}
