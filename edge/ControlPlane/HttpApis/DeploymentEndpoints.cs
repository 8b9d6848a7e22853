using OrleansGateway.HttpApis;

namespace OrleansGateway.Edge.ControlPlane.HttpApis;

/// <summary>apigatewayv2 Deployment operations.</summary>
public static class DeploymentEndpoints
{
    public static void Map(WireRouter router)
    {
        router.Map("POST", "/v2/apis/{apiId}/deployments", async request =>
            await request.WriteAsync(StatusCodes.Status201Created, await Api(request).CreateDeployment(await request.ReadBodyAsync<DeploymentInput>())));
        router.Map("GET", "/v2/apis/{apiId}/deployments", async request =>
            await request.WritePageAsync(await Api(request).GetDeployments()));
        router.Map("GET", "/v2/apis/{apiId}/deployments/{deploymentId}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, await Api(request).GetDeployment(request["deploymentId"])));
        router.Map("PATCH", "/v2/apis/{apiId}/deployments/{deploymentId}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, await Api(request).UpdateDeployment(request["deploymentId"], await request.ReadBodyAsync<DeploymentInput>())));
        router.Map("DELETE", "/v2/apis/{apiId}/deployments/{deploymentId}", async request =>
        {
            await Api(request).DeleteDeployment(request["deploymentId"]);
            await request.WriteNoContentAsync();
        });
    }

    private static IApiGrain Api(WireRequest request) => request.Grains.GetGrain<IApiGrain>(request["apiId"]);
}
