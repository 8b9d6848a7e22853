using OrleansGateway.DomainNames;
using OrleansGateway.Edge.ControlPlane.RestApis;

namespace OrleansGateway.Edge.ControlPlane.DomainNames;

/// <summary>
/// apigateway (v1) DomainName and BasePathMapping operations, over the same registry as
/// apigatewayv2's domain names and API mappings: one resource seen through two APIs, as in AWS.
/// </summary>
public static class RestDomainNameEndpoints
{
    public static void Map(WireRouter router)
    {
        router.Map("POST", "/domainnames", async request =>
        {
            var input = await request.ReadRestBodyAsync<RestDomainNameInput>();
            await request.WriteCreatedAsync(RestDomainName.From(await Registry(request).CreateDomainName(input.ToDomainNameInput())));
        });
        router.Map("GET", "/domainnames", async request =>
            await request.WriteRestPageAsync((await Registry(request).GetDomainNames()).Select(RestDomainName.From).ToList()));
        router.Map("GET", "/domainnames/{domain_name}", async request =>
            await request.WriteOkAsync(RestDomainName.From(await Registry(request).GetDomainName(request["domain_name"]))));
        router.Map("PATCH", "/domainnames/{domain_name}", async request =>
            await request.WriteOkAsync(RestDomainName.From(await Registry(request).PatchDomainName(
                request["domain_name"], await request.ReadPatchOperationsAsync("updateDomainNameInput")))));
        router.Map("DELETE", "/domainnames/{domain_name}", async request =>
        {
            await Registry(request).DeleteDomainName(request["domain_name"]);
            await request.WriteAcceptedAsync();
        });

        const string mappings = "/domainnames/{domain_name}/basepathmappings";
        router.Map("POST", mappings, async request =>
        {
            var input = await request.ReadRestBodyAsync<RestBasePathMappingInput>();
            await request.WriteCreatedAsync(RestBasePathMapping.From(await Registry(request).CreateBasePathMapping(request["domain_name"], input.ToApiMappingInput())));
        });
        router.Map("GET", mappings, async request =>
            await request.WriteRestPageAsync((await Registry(request).GetApiMappings(request["domain_name"])).Select(RestBasePathMapping.From).ToList()));
        router.Map("GET", mappings + "/{base_path}", async request =>
            await request.WriteOkAsync(RestBasePathMapping.From(await Registry(request).GetBasePathMapping(request["domain_name"], request["base_path"]))));
        router.Map("PATCH", mappings + "/{base_path}", async request =>
            await request.WriteOkAsync(RestBasePathMapping.From(await Registry(request).PatchBasePathMapping(
                request["domain_name"], request["base_path"], await request.ReadPatchOperationsAsync("updateBasePathMappingInput")))));
        router.Map("DELETE", mappings + "/{base_path}", async request =>
        {
            await Registry(request).DeleteBasePathMapping(request["domain_name"], request["base_path"]);
            await request.WriteAcceptedAsync();
        });
    }

    private static IDomainNameRegistryGrain Registry(WireRequest request) => request.Grains.GetGrain<IDomainNameRegistryGrain>(0);
}
