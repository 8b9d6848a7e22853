using OrleansGateway.Edge.ControlPlane.DomainNames;
using OrleansGateway.HttpApis;
using OrleansGateway.RestApis;

namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>apigateway CreateRestApi (incl. cloneFrom), GetRestApi(s), UpdateRestApi, DeleteRestApi.</summary>
public static class RestApiEndpoints
{
    public static void Map(WireRouter router)
    {
        router.Map("POST", "/restapis", async request =>
            await request.WriteCreatedAsync(await request.Grains.GetGrain<IApiRegistryGrain>(0).CreateRestApi(await request.ReadRestBodyAsync<RestApiInput>())));
        router.Map("GET", "/restapis", async request =>
        {
            // HTTP and WebSocket APIs share the ID space but are apigatewayv2's, not listed here.
            var directory = await request.Grains.GetGrain<IApiRegistryGrain>(0).GetDirectory();
            var ids = directory.Apis.Where(api => api.Value == ProtocolTypes.Rest).Select(api => api.Key).Order(StringComparer.Ordinal);
            var apis = await Task.WhenAll(ids.Select(id => request.Grains.GetGrain<IRestApiGrain>(id).Find()));
            await request.WriteRestPageAsync(apis.OfType<RestApiDefinition>().ToList());
        });
        router.Map("GET", "/restapis/{restapi_id}", async request => await request.WriteOkAsync(await RestApi(request).Get()));
        router.Map("PATCH", "/restapis/{restapi_id}", async request =>
            await request.WriteOkAsync(await RestApi(request).Update(await request.ReadPatchOperationsAsync("updateRestApiInput"))));
        router.Map("DELETE", "/restapis/{restapi_id}", async request =>
        {
            await MappedApiGuard.EnsureRestApiUnmappedAsync(request.Grains, request["restapi_id"]);
            await RestApi(request).Delete();
            await request.WriteAcceptedAsync();
        });
    }

    /// <summary>The REST API the request's <c>{restapi_id}</c> names.</summary>
    public static IRestApiGrain RestApi(WireRequest request) => request.Grains.GetGrain<IRestApiGrain>(request["restapi_id"]);
}
