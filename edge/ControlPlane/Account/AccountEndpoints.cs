using OrleansGateway.Account;
using OrleansGateway.Edge.ControlPlane.RestApis;

namespace OrleansGateway.Edge.ControlPlane.Account;

/// <summary>apigateway GetAccount and UpdateAccount.</summary>
public static class AccountEndpoints
{
    public static void Map(WireRouter router)
    {
        router.Map("GET", "/account", async request => await request.WriteOkAsync(await request.Grains.GetGrain<IAccountGrain>(0).Get()));
        router.Map("PATCH", "/account", async request =>
            await request.WriteOkAsync(await request.Grains.GetGrain<IAccountGrain>(0).Update(await request.ReadPatchOperationsAsync("updateAccountInput"))));
    }
}
