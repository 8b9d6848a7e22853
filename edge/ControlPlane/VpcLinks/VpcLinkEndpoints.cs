using OrleansGateway.Edge.ControlPlane.RestApis;
using OrleansGateway.VpcLinks;

namespace OrleansGateway.Edge.ControlPlane.VpcLinks;

/// <summary>apigateway (v1) CreateVpcLink (202, as AWS answers while it provisions), GetVpcLink(s), UpdateVpcLink, DeleteVpcLink: stored only.</summary>
public static class VpcLinkEndpoints
{
    public static void Map(WireRouter router)
    {
        router.Map("POST", "/vpclinks", async request =>
            await request.WriteRestAsync(StatusCodes.Status202Accepted, await Registry(request).Create(await request.ReadRestBodyAsync<VpcLinkInput>())));
        router.Map("GET", "/vpclinks", async request => await request.WriteRestPageAsync(await Registry(request).List()));
        router.Map("GET", "/vpclinks/{vpclink_id}", async request => await request.WriteOkAsync(await Registry(request).Get(request["vpclink_id"])));
        router.Map("PATCH", "/vpclinks/{vpclink_id}", async request =>
            await request.WriteOkAsync(await Registry(request).Update(request["vpclink_id"], await request.ReadPatchOperationsAsync("updateVpcLinkInput"))));
        router.Map("DELETE", "/vpclinks/{vpclink_id}", async request =>
        {
            await Registry(request).Delete(request["vpclink_id"]);
            await request.WriteAcceptedAsync();
        });
    }

    private static IVpcLinkRegistryGrain Registry(WireRequest request) => request.Grains.GetGrain<IVpcLinkRegistryGrain>(0);
}
