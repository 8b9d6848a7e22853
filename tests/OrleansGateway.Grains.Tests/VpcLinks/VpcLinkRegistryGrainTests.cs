using OrleansGateway.Errors;
using OrleansGateway.HttpApis;
using OrleansGateway.RestApis;
using OrleansGateway.VpcLinks;

namespace OrleansGateway.Grains.Tests.VpcLinks;

/// <summary>VPC links are stored and answered as AWS answers them once provisioned; nothing uses them.</summary>
public sealed class VpcLinkRegistryGrainTests(GatewayClusterFixture fixture) : IClassFixture<GatewayClusterFixture>
{
    private readonly IVpcLinkRegistryGrain _links = fixture.Client.GetGrain<IVpcLinkRegistryGrain>(0);

    [Fact]
    public async Task VpcLink_IsAvailableAtOnce_UpdatesAndDeletes()
    {
        var link = await _links.Create(new VpcLinkInput { Name = "nlb", TargetArns = ["arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/my-lb/1"] });
        Assert.Equal(("AVAILABLE", "Your vpc link is ready for use", 6), (link.Status, link.StatusMessage, link.Id.Length));

        var renamed = await _links.Update(link.Id, [new PatchOperation { Op = "replace", Path = "/name", Value = "renamed" }, new PatchOperation { Op = "replace", Path = "/description", Value = "d" }]);
        Assert.Equal(("renamed", "d"), (renamed.Name, renamed.Description));
        var badPath = await Assert.ThrowsAsync<ApiGatewayException>(() => _links.Update(link.Id, [new PatchOperation { Op = "replace", Path = "/targetArns", Value = "x" }]));
        Assert.Equal(400, badPath.StatusCode);

        await _links.Delete(link.Id);
        var gone = await Assert.ThrowsAsync<ApiGatewayException>(() => _links.Get(link.Id));
        Assert.Equal((404, "Invalid VPC link identifier specified"), (gone.StatusCode, gone.Message));
    }

    [Fact]
    public async Task VpcLinkIntegration_IsRefused_BecauseNoVpcIsReachable()
    {
        var api = await fixture.Client.GetGrain<IApiRegistryGrain>(0).CreateRestApi(new RestApiInput { Name = "vpc" });
        var grain = fixture.Client.GetGrain<IRestApiGrain>(api.Id);
        await grain.PutMethod(api.RootResourceId, "GET", new RestMethodInput { AuthorizationType = "NONE" });

        var refused = await Assert.ThrowsAsync<ApiGatewayException>(() => grain.PutIntegration(api.RootResourceId, "GET", new RestIntegrationInput
        {
            Type = "HTTP_PROXY", HttpMethod = "GET", Uri = "http://nlb.internal/", ConnectionType = "VPC_LINK", ConnectionId = "abc123",
        }));

        Assert.Equal(("BadRequestException", 400), (refused.ErrorType, refused.StatusCode));
        Assert.Contains("VPC_LINK", refused.Message);
    }
}
