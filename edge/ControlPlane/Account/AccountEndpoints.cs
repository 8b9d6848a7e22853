using OrleansGateway.Account;
using OrleansGateway.Edge.ControlPlane.RestApis;
using OrleansGateway.Throttling;
using OrleansGateway.UsagePlans;

namespace OrleansGateway.Edge.ControlPlane.Account;

/// <summary>
/// apigateway GetAccount and UpdateAccount. The account's <c>throttleSettings</c> are the limit this
/// gateway enforces (<c>Gateway:Throttling</c>, AWS's default unless configured), not a stored value.
/// </summary>
public static class AccountEndpoints
{
    public static void Map(WireRouter router)
    {
        router.Map("GET", "/account", async request => await request.WriteOkAsync(Enforced(request, await request.Grains.GetGrain<IAccountGrain>(0).Get())));
        router.Map("PATCH", "/account", async request =>
            await request.WriteOkAsync(Enforced(request, await request.Grains.GetGrain<IAccountGrain>(0).Update(await request.ReadPatchOperationsAsync("updateAccountInput")))));
    }

    private static GatewayAccount Enforced(WireRequest request, GatewayAccount account)
    {
        var limit = request.Context.RequestServices.GetService<RequestThrottle>()?.AccountLimit ?? ThrottleLimit.AccountDefault;
        return account with { ThrottleSettings = new UsagePlanThrottle { BurstLimit = limit.BurstLimit, RateLimit = limit.RateLimit } };
    }
}
