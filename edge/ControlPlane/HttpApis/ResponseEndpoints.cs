using OrleansGateway.HttpApis;

namespace OrleansGateway.Edge.ControlPlane.HttpApis;

/// <summary>apigatewayv2 RouteResponse and IntegrationResponse operations, and DeleteRouteRequestParameter.</summary>
public static class ResponseEndpoints
{
    public static void Map(WireRouter router)
    {
        const string routeResponses = "/v2/apis/{apiId}/routes/{routeId}/routeresponses";
        router.Map("POST", routeResponses, async request =>
            await request.WriteAsync(StatusCodes.Status201Created, await Api(request).CreateRouteResponse(request["routeId"], await request.ReadBodyAsync<RouteResponseInput>())));
        router.Map("GET", routeResponses, async request =>
            await request.WritePageAsync(await Api(request).GetRouteResponses(request["routeId"])));
        router.Map("GET", routeResponses + "/{routeResponseId}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, await Api(request).GetRouteResponse(request["routeId"], request["routeResponseId"])));
        router.Map("PATCH", routeResponses + "/{routeResponseId}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, await Api(request).UpdateRouteResponse(
                request["routeId"], request["routeResponseId"], await request.ReadBodyAsync<RouteResponseInput>())));
        router.Map("DELETE", routeResponses + "/{routeResponseId}", async request =>
        {
            await Api(request).DeleteRouteResponse(request["routeId"], request["routeResponseId"]);
            await request.WriteNoContentAsync();
        });

        const string integrationResponses = "/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses";
        router.Map("POST", integrationResponses, async request =>
            await request.WriteAsync(StatusCodes.Status201Created, await Api(request).CreateIntegrationResponse(
                request["integrationId"], await ReadIntegrationResponseAsync(request))));
        router.Map("GET", integrationResponses, async request =>
            await request.WritePageAsync(await Api(request).GetIntegrationResponses(request["integrationId"])));
        router.Map("GET", integrationResponses + "/{integrationResponseId}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, await Api(request).GetIntegrationResponse(request["integrationId"], request["integrationResponseId"])));
        router.Map("PATCH", integrationResponses + "/{integrationResponseId}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, await Api(request).UpdateIntegrationResponse(
                request["integrationId"], request["integrationResponseId"], await ReadIntegrationResponseAsync(request))));
        router.Map("DELETE", integrationResponses + "/{integrationResponseId}", async request =>
        {
            await Api(request).DeleteIntegrationResponse(request["integrationId"], request["integrationResponseId"]);
            await request.WriteNoContentAsync();
        });

        router.Map("DELETE", "/v2/apis/{apiId}/routes/{routeId}/requestparameters/{requestParameterKey}", async request =>
        {
            await Api(request).DeleteRouteRequestParameter(request["routeId"], request["requestParameterKey"]);
            await request.WriteNoContentAsync();
        });
    }

    private static async Task<IntegrationResponseInput> ReadIntegrationResponseAsync(WireRequest request)
    {
        var input = await request.ReadBodyAsync<IntegrationResponseInput>();
        MappingTemplates.EnsureWithinLimit(input.ResponseTemplates);
        return input;
    }

    private static IApiGrain Api(WireRequest request) => request.Grains.GetGrain<IApiGrain>(request["apiId"]);
}
