using OrleansGateway.Edge.ControlPlane.DomainNames;
using OrleansGateway.RestApis;
using static OrleansGateway.Edge.ControlPlane.RestApis.RestApiEndpoints;

namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>apigateway deployments and stages, with the stage caches' flushes.</summary>
public static class RestDeploymentEndpoints
{
    private const string Deployment = "/restapis/{restapi_id}/deployments/{deployment_id}";
    private const string Stage = "/restapis/{restapi_id}/stages/{stage_name}";

    public static void Map(WireRouter router)
    {
        router.Map("POST", "/restapis/{restapi_id}/deployments", async request =>
            await request.WriteCreatedAsync(await RestApi(request).CreateDeployment(await request.ReadRestBodyAsync<RestDeploymentInput>())));
        router.Map("GET", "/restapis/{restapi_id}/deployments", async request => await request.WriteRestPageAsync(await RestApi(request).GetDeployments()));
        router.Map("GET", Deployment, async request =>
        {
            var withSummary = request.Context.Request.Query["embed"].SelectMany(v => (v ?? string.Empty).Split(',')).Contains("apisummary");
            await request.WriteOkAsync(await RestApi(request).GetDeployment(request["deployment_id"], withSummary));
        });
        router.Map("PATCH", Deployment, async request =>
            await request.WriteOkAsync(await RestApi(request).UpdateDeployment(request["deployment_id"], await request.ReadPatchOperationsAsync("updateDeploymentInput"))));
        router.Map("DELETE", Deployment, async request =>
        {
            await RestApi(request).DeleteDeployment(request["deployment_id"]);
            await request.WriteAcceptedAsync();
        });

        router.Map("POST", "/restapis/{restapi_id}/stages", async request =>
            await request.WriteCreatedAsync(await RestApi(request).CreateStage(await request.ReadRestBodyAsync<RestStageInput>())));
        router.Map("GET", "/restapis/{restapi_id}/stages", async request =>
        {
            var deploymentId = request.Context.Request.Query["deploymentId"].ToString();
            await request.WriteOkAsync(new StagesBody(await RestApi(request).GetStages(deploymentId.Length > 0 ? deploymentId : null)));
        });
        router.Map("GET", Stage, async request => await request.WriteOkAsync(await RestApi(request).GetStage(request["stage_name"])));
        router.Map("PATCH", Stage, async request =>
            await request.WriteOkAsync(await RestApi(request).UpdateStage(request["stage_name"], await request.ReadPatchOperationsAsync("updateStageInput"))));
        router.Map("DELETE", Stage, async request =>
        {
            await MappedApiGuard.EnsureRestStageUnmappedAsync(request.Grains, request["restapi_id"], request["stage_name"]);
            await RestApi(request).DeleteStage(request["stage_name"]);
            await request.WriteAcceptedAsync();
        });
        router.Map("DELETE", Stage + "/cache/data", FlushStageCacheAsync);
        router.Map("DELETE", Stage + "/cache/authorizers", FlushAuthorizersCacheAsync);
    }

    // The stage's grain bumps its cache generation and pushes the change to every edge.
    private static async Task FlushStageCacheAsync(WireRequest request)
    {
        var stage = await RestApi(request).GetStage(request["stage_name"]);
        await request.Grains.GetGrain<IRestStageGrain>($"{request["restapi_id"]}/{stage.StageName}").FlushCache();
        await request.WriteAcceptedAsync();
    }

    // No authorizer results are cached (REST authorizers are not run yet): accepted, as AWS accepts it, with nothing to drop.
    private static async Task FlushAuthorizersCacheAsync(WireRequest request)
    {
        _ = await RestApi(request).GetStage(request["stage_name"]);
        await request.WriteAcceptedAsync();
    }

    /// <summary>GetStages answers <c>{"item": [...]}</c> without paging.</summary>
    private sealed record StagesBody(List<RestStage> Item);
}
