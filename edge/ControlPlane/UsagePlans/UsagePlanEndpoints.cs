using OrleansGateway.Edge.ControlPlane.RestApis;
using OrleansGateway.UsagePlans;

namespace OrleansGateway.Edge.ControlPlane.UsagePlans;

/// <summary>apigateway usage plans, their keys (CreateUsagePlanKey ...), GetUsage and UpdateUsage.</summary>
public static class UsagePlanEndpoints
{
    public static void Map(WireRouter router)
    {
        router.Map("POST", "/usageplans", async request =>
            await request.WriteCreatedAsync(await Registry(request).Create(await request.ReadRestBodyAsync<UsagePlan>())));
        router.Map("GET", "/usageplans", async request =>
            await request.WriteRestPageAsync(await Registry(request).List(Query(request, "keyId"))));
        router.Map("GET", "/usageplans/{usageplanId}", async request => await request.WriteOkAsync(await Registry(request).Get(request["usageplanId"])));
        router.Map("PATCH", "/usageplans/{usageplanId}", async request =>
            await request.WriteOkAsync(await Registry(request).Update(request["usageplanId"], await request.ReadPatchOperationsAsync("updateUsagePlanInput"))));
        router.Map("DELETE", "/usageplans/{usageplanId}", async request =>
        {
            await Registry(request).Delete(request["usageplanId"]);
            await request.WriteAcceptedAsync();
        });

        router.Map("POST", "/usageplans/{usageplanId}/keys", async request =>
        {
            var body = await request.ReadRestBodyAsync<KeyBody>();
            await request.WriteCreatedAsync(await Registry(request).AddKey(request["usageplanId"], body.KeyId ?? string.Empty, body.KeyType));
        });
        router.Map("GET", "/usageplans/{usageplanId}/keys", async request =>
        {
            var name = Query(request, "name");
            var keys = await Registry(request).ListKeys(request["usageplanId"]);
            await request.WriteRestPageAsync(keys.Where(k => name is null || (k.Name ?? string.Empty).StartsWith(name, StringComparison.Ordinal)).ToList());
        });
        router.Map("GET", "/usageplans/{usageplanId}/keys/{keyId}", async request =>
            await request.WriteOkAsync(await Registry(request).GetKey(request["usageplanId"], request["keyId"])));
        router.Map("DELETE", "/usageplans/{usageplanId}/keys/{keyId}", async request =>
        {
            await Registry(request).RemoveKey(request["usageplanId"], request["keyId"]);
            await request.WriteAcceptedAsync();
        });

        router.Map("GET", "/usageplans/{usageplanId}/usage", async request =>
            await request.WriteOkAsync(await Registry(request).GetUsage(request["usageplanId"], Query(request, "startDate"), Query(request, "endDate"), Query(request, "keyId"))));
        router.Map("PATCH", "/usageplans/{usageplanId}/keys/{keyId}/usage", async request =>
            await request.WriteOkAsync(await Registry(request).UpdateUsage(request["usageplanId"], request["keyId"], await request.ReadPatchOperationsAsync("updateUsageInput"))));
    }

    private static IUsagePlanRegistryGrain Registry(WireRequest request) => request.Grains.GetGrain<IUsagePlanRegistryGrain>(0);

    private static string? Query(WireRequest request, string name) =>
        request.Context.Request.Query[name].ToString() is { Length: > 0 } value ? value : null;

    private sealed record KeyBody
    {
        public string? KeyId { get; init; }

        public string? KeyType { get; init; }
    }
}
