using OrleansGateway.RestApis;
using static OrleansGateway.Edge.ControlPlane.RestApis.RestApiEndpoints;

namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>apigateway models (Create/Get(s)/Update/Delete, GetModelTemplate) and request validators.</summary>
public static class RestModelEndpoints
{
    public static void Map(WireRouter router)
    {
        router.Map("POST", "/restapis/{restapi_id}/models", async request =>
            await request.WriteCreatedAsync(await RestApi(request).CreateModel(await request.ReadRestBodyAsync<RestModelInput>())));
        router.Map("GET", "/restapis/{restapi_id}/models", async request => await request.WriteRestPageAsync(await RestApi(request).GetModels()));
        router.Map("GET", "/restapis/{restapi_id}/models/{model_name}", async request => await request.WriteOkAsync(await RestApi(request).GetModel(request["model_name"])));
        router.Map("PATCH", "/restapis/{restapi_id}/models/{model_name}", async request =>
            await request.WriteOkAsync(await RestApi(request).UpdateModel(request["model_name"], await request.ReadPatchOperationsAsync("updateModelInput"))));
        router.Map("DELETE", "/restapis/{restapi_id}/models/{model_name}", async request =>
        {
            await RestApi(request).DeleteModel(request["model_name"]);
            await request.WriteAcceptedAsync();
        });
        router.Map("GET", "/restapis/{restapi_id}/models/{model_name}/default_template", async request =>
            await request.WriteOkAsync(new TemplateBody(ModelTemplate.For((await RestApi(request).GetModel(request["model_name"])).Schema))));

        router.Map("POST", "/restapis/{restapi_id}/requestvalidators", async request =>
            await request.WriteCreatedAsync(await RestApi(request).CreateRequestValidator(await request.ReadRestBodyAsync<RestRequestValidatorInput>())));
        router.Map("GET", "/restapis/{restapi_id}/requestvalidators", async request => await request.WriteRestPageAsync(await RestApi(request).GetRequestValidators()));
        router.Map("GET", "/restapis/{restapi_id}/requestvalidators/{requestvalidator_id}", async request =>
            await request.WriteOkAsync(await RestApi(request).GetRequestValidator(request["requestvalidator_id"])));
        router.Map("PATCH", "/restapis/{restapi_id}/requestvalidators/{requestvalidator_id}", async request =>
            await request.WriteOkAsync(await RestApi(request).UpdateRequestValidator(request["requestvalidator_id"], await request.ReadPatchOperationsAsync("updateRequestValidatorInput"))));
        router.Map("DELETE", "/restapis/{restapi_id}/requestvalidators/{requestvalidator_id}", async request =>
        {
            await RestApi(request).DeleteRequestValidator(request["requestvalidator_id"]);
            await request.WriteAcceptedAsync();
        });
    }

    private sealed record TemplateBody(string Value);
}
