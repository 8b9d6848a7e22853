using System.Text.Json.Nodes;
using OrleansGateway.Edge.ControlPlane.DomainNames;
using OrleansGateway.Errors;
using OrleansGateway.HttpApis;
using OrleansGateway.Integrations;

namespace OrleansGateway.Edge.ControlPlane.HttpApis;

/// <summary>apigatewayv2 Api operations: CreateApi, GetApi(s), UpdateApi, DeleteApi, DeleteCorsConfiguration.</summary>
public sealed class ApiEndpoints(int dataPort, OwnAdminEndpoint ownAdmin)
{
    public void Map(WireRouter router)
    {
        router.Map("POST", "/v2/apis", CreateApi);
        router.Map("GET", "/v2/apis", GetApis);
        router.Map("GET", "/v2/apis/{apiId}", GetApi);
        router.Map("PATCH", "/v2/apis/{apiId}", UpdateApi);
        router.Map("DELETE", "/v2/apis/{apiId}", DeleteApi);
        router.Map("DELETE", "/v2/apis/{apiId}/cors", DeleteCorsConfiguration);
    }

    private async Task CreateApi(WireRequest request)
    {
        var input = await request.ReadBodyAsync<ApiInput>();
        ownAdmin.EnsureNotTargetedBy(input.Target);
        var api = await request.Grains.GetGrain<IApiRegistryGrain>(0).CreateApi(input);
        await request.WriteAsync(StatusCodes.Status201Created, WireShapes.Api(api, dataPort, created: true));
    }

    private async Task GetApis(WireRequest request)
    {
        // REST APIs share the ID space but are apigateway's (v1), not listed here.
        var directory = await request.Grains.GetGrain<IApiRegistryGrain>(0).GetDirectory();
        var ids = directory.Apis.Where(api => api.Value != ProtocolTypes.Rest).Select(api => api.Key).Order(StringComparer.Ordinal);
        var apis = await Task.WhenAll(ids.Select(id => TryGetApi(request.Grains.GetGrain<IApiGrain>(id))));
        await request.WritePageAsync(apis.OfType<ApiDefinition>().Select(ToWire).ToList());
    }

    private async Task GetApi(WireRequest request) =>
        await request.WriteAsync(StatusCodes.Status200OK, ToWire(await Api(request).GetApi()));

    private async Task UpdateApi(WireRequest request)
    {
        var input = await request.ReadBodyAsync<ApiInput>();
        ownAdmin.EnsureNotTargetedBy(input.Target);
        await request.WriteAsync(StatusCodes.Status200OK, ToWire(await Api(request).UpdateApi(input)));
    }

    private async Task DeleteApi(WireRequest request)
    {
        await MappedApiGuard.EnsureApiUnmappedAsync(request.Grains, request["apiId"]);
        await Api(request).Delete();
        await request.WriteNoContentAsync();
    }

    private async Task DeleteCorsConfiguration(WireRequest request)
    {
        await Api(request).DeleteCorsConfiguration();
        await request.WriteNoContentAsync();
    }

    private static IApiGrain Api(WireRequest request) => request.Grains.GetGrain<IApiGrain>(request["apiId"]);

    // An API deleted between listing and reading is simply not listed.
    private static async Task<ApiDefinition?> TryGetApi(IApiGrain api)
    {
        try
        {
            return await api.GetApi();
        }
        catch (ApiGatewayException e) when (e.StatusCode == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    private JsonObject ToWire(ApiDefinition api) => WireShapes.Api(api, dataPort);
}
