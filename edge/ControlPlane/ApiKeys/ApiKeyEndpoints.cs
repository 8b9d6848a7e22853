using OrleansGateway.ApiKeys;
using OrleansGateway.Edge.ControlPlane.RestApis;

namespace OrleansGateway.Edge.ControlPlane.ApiKeys;

/// <summary>apigateway CreateApiKey, GetApiKey(s), UpdateApiKey, DeleteApiKey and ImportApiKeys (CSV).</summary>
public static class ApiKeyEndpoints
{
    public static void Map(WireRouter router)
    {
        router.Map("POST", "/apikeys", async request =>
            await request.WriteCreatedAsync(await Registry(request).Create(await request.ReadRestBodyAsync<ApiKeyInput>())));
        router.Map("POST", "/apikeys?mode=import", async request =>
        {
            var query = request.Context.Request.Query;
            if (!string.Equals(query["format"].ToString(), "csv", StringComparison.OrdinalIgnoreCase))
            {
                throw Errors.ApiGatewayException.BadRequest("Invalid format specified. Supported formats: csv");
            }

            using var reader = new StreamReader(request.Context.Request.Body);
            var csv = await reader.ReadToEndAsync(request.Context.RequestAborted);
            var failOnWarnings = string.Equals(query["failonwarnings"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
            await request.WriteCreatedAsync(await Registry(request).Import(csv, failOnWarnings));
        });
        router.Map("GET", "/apikeys", async request =>
        {
            var query = request.Context.Request.Query;
            var nameQuery = query["name"].ToString();
            var customerId = query["customerId"].ToString();
            var includeValues = string.Equals(query["includeValues"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
            var keys = (await Registry(request).List())
                .Where(k => nameQuery.Length == 0 || (k.Name ?? string.Empty).StartsWith(nameQuery, StringComparison.Ordinal))
                .Where(k => customerId.Length == 0 || k.CustomerId == customerId)
                .Select(k => includeValues ? k : k with { Value = null })
                .ToList();
            await request.WriteRestPageAsync(keys);
        });
        router.Map("GET", "/apikeys/{api_Key}", async request =>
        {
            var key = await Registry(request).Get(request["api_Key"]);
            var includeValue = string.Equals(request.Context.Request.Query["includeValue"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
            await request.WriteOkAsync(includeValue ? key : key with { Value = null });
        });
        router.Map("PATCH", "/apikeys/{api_Key}", async request =>
            await request.WriteOkAsync(await Registry(request).Update(request["api_Key"], await request.ReadPatchOperationsAsync("updateApiKeyInput"))));
        router.Map("DELETE", "/apikeys/{api_Key}", async request =>
        {
            await Registry(request).Delete(request["api_Key"]);
            await request.WriteAcceptedAsync();
        });
    }

    private static IApiKeyRegistryGrain Registry(WireRequest request) => request.Grains.GetGrain<IApiKeyRegistryGrain>(0);
}
