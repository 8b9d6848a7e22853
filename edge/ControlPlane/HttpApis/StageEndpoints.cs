using OrleansGateway.HttpApis;

namespace OrleansGateway.Edge.ControlPlane.HttpApis;

/// <summary>apigatewayv2 Stage operations.</summary>
public static class StageEndpoints
{
    public static void Map(WireRouter router)
    {
        router.Map("POST", "/v2/apis/{apiId}/stages", async request =>
            await request.WriteAsync(StatusCodes.Status201Created, WireShapes.Stage(await Api(request).CreateStage(await request.ReadBodyAsync<StageInput>()))));
        router.Map("GET", "/v2/apis/{apiId}/stages", async request =>
            await request.WritePageAsync((await Api(request).GetStages()).Select(WireShapes.Stage).ToList()));
        router.Map("GET", "/v2/apis/{apiId}/stages/{stageName}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, WireShapes.Stage(await Api(request).GetStage(request["stageName"]))));
        router.Map("PATCH", "/v2/apis/{apiId}/stages/{stageName}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, WireShapes.Stage(await Api(request).UpdateStage(request["stageName"], await request.ReadBodyAsync<StageInput>()))));
        router.Map("DELETE", "/v2/apis/{apiId}/stages/{stageName}", async request =>
        {
            await Api(request).DeleteStage(request["stageName"]);
            await request.WriteNoContentAsync();
        });
        router.Map("DELETE", "/v2/apis/{apiId}/stages/{stageName}/routesettings/{routeKey}", async request =>
        {
            await Api(request).DeleteRouteSettings(request["stageName"], request["routeKey"]);
            await request.WriteNoContentAsync();
        });
        router.Map("DELETE", "/v2/apis/{apiId}/stages/{stageName}/accesslogsettings", async request =>
        {
            await Api(request).DeleteAccessLogSettings(request["stageName"]);
            await request.WriteNoContentAsync();
        });
    }

    private static IApiGrain Api(WireRequest request) => request.Grains.GetGrain<IApiGrain>(request["apiId"]);
}
