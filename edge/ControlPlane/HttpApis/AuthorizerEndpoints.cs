using OrleansGateway.HttpApis;

namespace OrleansGateway.Edge.ControlPlane.HttpApis;

/// <summary>apigatewayv2 Authorizer operations.</summary>
public static class AuthorizerEndpoints
{
    public static void Map(WireRouter router)
    {
        router.Map("POST", "/v2/apis/{apiId}/authorizers", async request =>
            await request.WriteAsync(StatusCodes.Status201Created, await Api(request).CreateAuthorizer(await request.ReadBodyAsync<AuthorizerInput>())));
        router.Map("GET", "/v2/apis/{apiId}/authorizers", async request =>
            await request.WritePageAsync(await Api(request).GetAuthorizers()));
        router.Map("GET", "/v2/apis/{apiId}/authorizers/{authorizerId}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, await Api(request).GetAuthorizer(request["authorizerId"])));
        router.Map("PATCH", "/v2/apis/{apiId}/authorizers/{authorizerId}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, await Api(request).UpdateAuthorizer(request["authorizerId"], await request.ReadBodyAsync<AuthorizerInput>())));
        router.Map("DELETE", "/v2/apis/{apiId}/authorizers/{authorizerId}", async request =>
        {
            await Api(request).DeleteAuthorizer(request["authorizerId"]);
            await request.WriteNoContentAsync();
        });
    }

    private static IApiGrain Api(WireRequest request) => request.Grains.GetGrain<IApiGrain>(request["apiId"]);
}
