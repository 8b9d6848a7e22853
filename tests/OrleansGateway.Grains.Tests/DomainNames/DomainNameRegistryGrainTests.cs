using OrleansGateway.DomainNames;
using OrleansGateway.Errors;
using OrleansGateway.HttpApis;

namespace OrleansGateway.Grains.Tests.DomainNames;

/// <summary>Names and keys that the data plane would treat as one are one for the control plane too.</summary>
public sealed class DomainNameRegistryGrainTests(GatewayClusterFixture fixture) : IClassFixture<GatewayClusterFixture>
{
    private readonly IDomainNameRegistryGrain _registry = fixture.Client.GetGrain<IDomainNameRegistryGrain>(0);

    [Fact]
    public async Task DomainNames_DifferingOnlyInCaseOrATrailingDot_Conflict()
    {
        await _registry.CreateDomainName(new DomainNameInput { DomainName = "same.example.test" });

        var upper = await Assert.ThrowsAsync<ApiGatewayException>(() => _registry.CreateDomainName(new DomainNameInput { DomainName = "Same.Example.TEST" }));
        var dotted = await Assert.ThrowsAsync<ApiGatewayException>(() => _registry.CreateDomainName(new DomainNameInput { DomainName = "same.example.test." }));

        Assert.Equal((409, 409), (upper.StatusCode, dotted.StatusCode));
    }

    [Fact]
    public async Task ApiMappingKeys_DifferingOnlyInOuterSlashes_Conflict()
    {
        var api = await fixture.Client.GetGrain<IApiRegistryGrain>(0).CreateApi(new ApiInput { Name = "mapped", ProtocolType = "HTTP" });
        await fixture.Client.GetGrain<IApiGrain>(api.ApiId).CreateStage(new StageInput { StageName = "prod" });
        await _registry.CreateDomainName(new DomainNameInput { DomainName = "keys.example.test" });
        await _registry.CreateApiMapping("keys.example.test", new ApiMappingInput { ApiId = api.ApiId, Stage = "prod", ApiMappingKey = "v1" });

        var slashed = await Assert.ThrowsAsync<ApiGatewayException>(() =>
            _registry.CreateApiMapping("keys.example.test", new ApiMappingInput { ApiId = api.ApiId, Stage = "prod", ApiMappingKey = "/v1/" }));

        Assert.Equal(409, slashed.StatusCode);
    }
}
