using OrleansGateway.RestApis;
using static OrleansGateway.Edge.ControlPlane.RestApis.RestApiEndpoints;

namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>apigateway Put/Get/Update/DeleteIntegration and the same four for integration responses.</summary>
public static class RestIntegrationEndpoints
{
    private const string Integration = "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration";
    private const string Response = Integration + "/responses/{status_code}";

    public static void Map(WireRouter router)
    {
        router.Map("PUT", Integration, async request =>
            await request.WriteCreatedAsync(await RestApi(request).PutIntegration(request["resource_id"], request["http_method"], await request.ReadRestBodyAsync<RestIntegrationInput>())));
        router.Map("GET", Integration, async request =>
            await request.WriteOkAsync(await RestApi(request).GetIntegration(request["resource_id"], request["http_method"])));
        router.Map("PATCH", Integration, async request =>
            await request.WriteOkAsync(await RestApi(request).UpdateIntegration(request["resource_id"], request["http_method"], await request.ReadPatchOperationsAsync("updateIntegrationInput"))));
        router.Map("DELETE", Integration, async request =>
        {
            await RestApi(request).DeleteIntegration(request["resource_id"], request["http_method"]);
            await request.WriteNoContentAsync();
        });

        router.Map("PUT", Response, async request =>
            await request.WriteCreatedAsync(await RestApi(request).PutIntegrationResponse(request["resource_id"], request["http_method"], request["status_code"],
                await request.ReadRestBodyAsync<RestIntegrationResponseInput>())));
        router.Map("GET", Response, async request =>
            await request.WriteOkAsync(await RestApi(request).GetIntegrationResponse(request["resource_id"], request["http_method"], request["status_code"])));
        router.Map("PATCH", Response, async request =>
            await request.WriteOkAsync(await RestApi(request).UpdateIntegrationResponse(request["resource_id"], request["http_method"], request["status_code"],
                await request.ReadPatchOperationsAsync("updateIntegrationResponseInput"))));
        router.Map("DELETE", Response, async request =>
        {
            await RestApi(request).DeleteIntegrationResponse(request["resource_id"], request["http_method"], request["status_code"]);
            await request.WriteNoContentAsync();
        });
    }
}
