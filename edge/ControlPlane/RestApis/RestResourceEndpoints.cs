using static OrleansGateway.Edge.ControlPlane.RestApis.RestApiEndpoints;

namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>apigateway GetResources (<c>embed=methods</c>), GetResource, CreateResource, UpdateResource, DeleteResource (the whole subtree).</summary>
public static class RestResourceEndpoints
{
    public static void Map(WireRouter router)
    {
        router.Map("GET", "/restapis/{restapi_id}/resources", async request =>
        {
            var embed = RestResourceShape.EmbedsMethods(request);
            await request.WriteRestPageAsync((await RestApi(request).GetResources()).Select(r => RestResourceShape.From(r, embed)).ToList());
        });
        router.Map("GET", "/restapis/{restapi_id}/resources/{resource_id}", async request =>
            await request.WriteOkAsync(RestResourceShape.From(await RestApi(request).GetResource(request["resource_id"]), RestResourceShape.EmbedsMethods(request))));
        router.Map("POST", "/restapis/{restapi_id}/resources/{parent_id}", async request =>
        {
            var body = await request.ReadRestBodyAsync<CreateResourceBody>();
            await request.WriteCreatedAsync(RestResourceShape.From(await RestApi(request).CreateResource(request["parent_id"], body.PathPart), embedMethods: false));
        });
        router.Map("PATCH", "/restapis/{restapi_id}/resources/{resource_id}", async request =>
            await request.WriteOkAsync(RestResourceShape.From(
                await RestApi(request).UpdateResource(request["resource_id"], await request.ReadPatchOperationsAsync("updateResourceInput")), embedMethods: false)));
        router.Map("DELETE", "/restapis/{restapi_id}/resources/{resource_id}", async request =>
        {
            await RestApi(request).DeleteResource(request["resource_id"]);
            await request.WriteAcceptedAsync();
        });
    }

    private sealed record CreateResourceBody
    {
        public string? PathPart { get; init; }
    }
}
