using OrleansGateway.HttpApis;
using OrleansGateway.Integrations;

namespace OrleansGateway.Edge.ControlPlane.HttpApis;

/// <summary>apigatewayv2 Integration operations.</summary>
public static class IntegrationEndpoints
{
    public static void Map(WireRouter router, OwnAdminEndpoint ownAdmin)
    {
        router.Map("POST", "/v2/apis/{apiId}/integrations", async request =>
            await request.WriteAsync(StatusCodes.Status201Created, WireShapes.Integration(await Api(request).CreateIntegration(await ReadInputAsync(request, ownAdmin)))));
        router.Map("GET", "/v2/apis/{apiId}/integrations", async request =>
            await request.WritePageAsync((await Api(request).GetIntegrations()).Select(WireShapes.Integration).ToList()));
        router.Map("GET", "/v2/apis/{apiId}/integrations/{integrationId}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, WireShapes.Integration(await Api(request).GetIntegration(request["integrationId"]))));
        router.Map("PATCH", "/v2/apis/{apiId}/integrations/{integrationId}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, WireShapes.Integration(await Api(request).UpdateIntegration(request["integrationId"], await ReadInputAsync(request, ownAdmin)))));
        router.Map("DELETE", "/v2/apis/{apiId}/integrations/{integrationId}", async request =>
        {
            await Api(request).DeleteIntegration(request["integrationId"]);
            await request.WriteNoContentAsync();
        });
    }

    private static async Task<IntegrationInput> ReadInputAsync(WireRequest request, OwnAdminEndpoint ownAdmin)
    {
        var input = await request.ReadBodyAsync<IntegrationInput>();
        ownAdmin.EnsureNotTargetedBy(input.IntegrationUri);
        MappingTemplates.EnsureWithinLimit(input.RequestTemplates);
        return input;
    }

    private static IApiGrain Api(WireRequest request) => request.Grains.GetGrain<IApiGrain>(request["apiId"]);
}
