using OrleansGateway.RestApis;
using static OrleansGateway.Edge.ControlPlane.RestApis.RestApiEndpoints;

namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>apigateway gateway responses (every type listed, defaults included) and authorizers (stored; TestInvokeAuthorizer is elsewhere).</summary>
public static class RestGatewayResponseEndpoints
{
    private const string Response = "/restapis/{restapi_id}/gatewayresponses/{response_type}";
    private const string Authorizer = "/restapis/{restapi_id}/authorizers/{authorizer_id}";

    public static void Map(WireRouter router)
    {
        router.Map("GET", "/restapis/{restapi_id}/gatewayresponses", async request => await request.WriteRestPageAsync(await RestApi(request).GetGatewayResponses()));
        router.Map("GET", Response, async request => await request.WriteOkAsync(await RestApi(request).GetGatewayResponse(request["response_type"])));
        router.Map("PUT", Response, async request =>
            await request.WriteCreatedAsync(await RestApi(request).PutGatewayResponse(request["response_type"], await request.ReadRestBodyAsync<RestGatewayResponseInput>())));
        router.Map("PATCH", Response, async request =>
            await request.WriteOkAsync(await RestApi(request).UpdateGatewayResponse(request["response_type"], await request.ReadPatchOperationsAsync("updateGatewayResponseInput"))));
        router.Map("DELETE", Response, async request =>
        {
            await RestApi(request).DeleteGatewayResponse(request["response_type"]);
            await request.WriteAcceptedAsync();
        });

        router.Map("POST", "/restapis/{restapi_id}/authorizers", async request =>
            await request.WriteCreatedAsync(await RestApi(request).CreateAuthorizer(await request.ReadRestBodyAsync<RestAuthorizerInput>())));
        router.Map("GET", "/restapis/{restapi_id}/authorizers", async request => await request.WriteRestPageAsync(await RestApi(request).GetAuthorizers()));
        router.Map("GET", Authorizer, async request => await request.WriteOkAsync(await RestApi(request).GetAuthorizer(request["authorizer_id"])));
        router.Map("PATCH", Authorizer, async request =>
            await request.WriteOkAsync(await RestApi(request).UpdateAuthorizer(request["authorizer_id"], await request.ReadPatchOperationsAsync("updateAuthorizerInput"))));
        router.Map("DELETE", Authorizer, async request =>
        {
            await RestApi(request).DeleteAuthorizer(request["authorizer_id"]);
            await request.WriteAcceptedAsync();
        });
    }
}
