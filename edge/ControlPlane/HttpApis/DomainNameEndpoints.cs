using OrleansGateway.DomainNames;

namespace OrleansGateway.Edge.ControlPlane.HttpApis;

/// <summary>apigatewayv2 DomainName and ApiMapping operations.</summary>
public static class DomainNameEndpoints
{
    public static void Map(WireRouter router)
    {
        router.Map("POST", "/v2/domainnames", async request =>
            await request.WriteAsync(StatusCodes.Status201Created, V2(await Registry(request).CreateDomainName(await request.ReadBodyAsync<DomainNameInput>()))));
        router.Map("GET", "/v2/domainnames", async request =>
            await request.WritePageAsync((await Registry(request).GetDomainNames()).Select(V2).ToList()));
        router.Map("GET", "/v2/domainnames/{domainName}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, V2(await Registry(request).GetDomainName(request["domainName"]))));
        router.Map("PATCH", "/v2/domainnames/{domainName}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, V2(await Registry(request).UpdateDomainName(request["domainName"], await request.ReadBodyAsync<DomainNameInput>()))));
        router.Map("DELETE", "/v2/domainnames/{domainName}", async request =>
        {
            await Registry(request).DeleteDomainName(request["domainName"]);
            await request.WriteNoContentAsync();
        });

        const string mappings = "/v2/domainnames/{domainName}/apimappings";
        router.Map("POST", mappings, async request =>
            await request.WriteAsync(StatusCodes.Status201Created, await Registry(request).CreateApiMapping(request["domainName"], await request.ReadBodyAsync<ApiMappingInput>())));
        router.Map("GET", mappings, async request =>
            await request.WritePageAsync(await Registry(request).GetApiMappings(request["domainName"])));
        router.Map("GET", mappings + "/{apiMappingId}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, await Registry(request).GetApiMapping(request["domainName"], request["apiMappingId"])));
        router.Map("PATCH", mappings + "/{apiMappingId}", async request =>
            await request.WriteAsync(StatusCodes.Status200OK, await Registry(request).UpdateApiMapping(
                request["domainName"], request["apiMappingId"], await request.ReadBodyAsync<ApiMappingInput>())));
        router.Map("DELETE", mappings + "/{apiMappingId}", async request =>
        {
            await Registry(request).DeleteApiMapping(request["domainName"], request["apiMappingId"]);
            await request.WriteNoContentAsync();
        });
    }

    // The members only apigateway (v1) has are not apigatewayv2's to show.
    private static DomainNameDefinition V2(DomainNameDefinition domain) => domain with { Policy = null, EndpointAccessMode = null };

    private static IDomainNameRegistryGrain Registry(WireRequest request) => request.Grains.GetGrain<IDomainNameRegistryGrain>(0);
}
