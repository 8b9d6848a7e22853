using OrleansGateway.HttpApis;

namespace OrleansGateway.Edge.ControlPlane.HttpApis;

/// <summary>apigatewayv2 Route operations.</summary>
public static class RouteEndpoints
{
    public static void Map(WireRouter router)
    {
        router.Map("POST", "/v2/apis/{apiId}/routes", async request =>
            await request.WriteAsync(StatusCodes.Status201Created, WireShapes.Route(await Api(request).CreateRoute(await request.ReadBodyAsync<RouteInput>()))));
        router.Map("GET", "/v2/apis/{apiId}/routes", async request =>
            await request.WritePageAsync((await Api(request).GetRoutes()).Select(WireShapes.Route).ToList()));
        router.Map("GET", "/v2/apis/{apiId}/routes/{routeId}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, WireShapes.Route(await Api(request).GetRoute(request["routeId"]))));
        router.Map("PATCH", "/v2/apis/{apiId}/routes/{routeId}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, WireShapes.Route(await Api(request).UpdateRoute(request["routeId"], await request.ReadBodyAsync<RouteInput>()))));
        router.Map("DELETE", "/v2/apis/{apiId}/routes/{routeId}", async request =>
        {
            await Api(request).DeleteRoute(request["routeId"]);
            await request.WriteNoContentAsync();
        });
    }

    private static IApiGrain Api(WireRequest request) => request.Grains.GetGrain<IApiGrain>(request["apiId"]);
}
