using OrleansGateway.Edge.DataPlane.Rest;
using OrleansGateway.RestApis;
using static OrleansGateway.Edge.ControlPlane.RestApis.RestApiEndpoints;

namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>apigateway Put/Get/Update/DeleteMethod, TestInvokeMethod, and Put/Get/Update/Delete for method responses.</summary>
public static class RestMethodEndpoints
{
    private const string Method = "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}";
    private const string Response = Method + "/responses/{status_code}";

    public static void Map(WireRouter router)
    {
        router.Map("PUT", Method, async request =>
            await request.WriteCreatedAsync(await RestApi(request).PutMethod(request["resource_id"], request["http_method"], await request.ReadRestBodyAsync<RestMethodInput>())));
        router.Map("GET", Method, async request =>
            await request.WriteOkAsync(await RestApi(request).GetMethod(request["resource_id"], request["http_method"])));
        router.Map("PATCH", Method, async request =>
            await request.WriteOkAsync(await RestApi(request).UpdateMethod(request["resource_id"], request["http_method"], await request.ReadPatchOperationsAsync("updateMethodInput"))));
        router.Map("DELETE", Method, async request =>
        {
            await RestApi(request).DeleteMethod(request["resource_id"], request["http_method"]);
            await request.WriteNoContentAsync();
        });

        // TestInvokeMethod runs the data plane's REST pipeline on the API as it stands now. The resource is
        // looked up first because AWS answers an unknown API here as an unknown resource.
        router.Map("POST", Method, async request =>
        {
            await RestApi(request).GetResource(request["resource_id"]);
            await request.WriteOkAsync(await request.Context.RequestServices.GetRequiredService<RestTestInvoker>().InvokeAsync(
                await RestApi(request).GetContent(), request["resource_id"], request["http_method"],
                await request.ReadRestBodyAsync<TestInvokeMethodInput>(), request.Context.RequestAborted));
        });

        router.Map("PUT", Response, async request =>
            await request.WriteCreatedAsync(await RestApi(request).PutMethodResponse(request["resource_id"], request["http_method"], request["status_code"],
                await request.ReadRestBodyAsync<RestMethodResponseInput>())));
        router.Map("GET", Response, async request =>
            await request.WriteOkAsync(await RestApi(request).GetMethodResponse(request["resource_id"], request["http_method"], request["status_code"])));

        // The model gives UpdateMethodResponse 201, unlike every other update.
        router.Map("PATCH", Response, async request =>
            await request.WriteCreatedAsync(await RestApi(request).UpdateMethodResponse(request["resource_id"], request["http_method"], request["status_code"],
                await request.ReadPatchOperationsAsync("updateMethodResponseInput"))));
        router.Map("DELETE", Response, async request =>
        {
            await RestApi(request).DeleteMethodResponse(request["resource_id"], request["http_method"], request["status_code"]);
            await request.WriteNoContentAsync();
        });
    }
}
