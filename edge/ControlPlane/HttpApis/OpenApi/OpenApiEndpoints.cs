using System.Text;
using System.Text.Json.Nodes;
using OrleansGateway.Errors;
using OrleansGateway.HttpApis;
using OrleansGateway.Integrations;
using OrleansGateway.OpenApi;
using OrleansGateway.OpenApi.HttpApis;

namespace OrleansGateway.Edge.ControlPlane.HttpApis.OpenApi;

/// <summary>
/// apigatewayv2 ImportApi, ReimportApi and ExportApi for HTTP APIs (OpenAPI 3.0, JSON or YAML).
/// An import is made of the ordinary grain operations, one after another: a failed import
/// deletes the API it created; a failed reimport leaves the API partly replaced.
/// </summary>
public sealed class OpenApiEndpoints(int dataPort, OwnAdminEndpoint ownAdmin)
{
    public void Map(WireRouter router)
    {
        router.Map("PUT", "/v2/apis", ImportApi);
        router.Map("PUT", "/v2/apis/{apiId}", ReimportApi);
        router.Map("GET", "/v2/apis/{apiId}/exports/{specification}", ExportApi);
    }

    private async Task ImportApi(WireRequest request)
    {
        var imported = await ReadDefinitionAsync(request);
        var created = await request.Grains.GetGrain<IApiRegistryGrain>(0).CreateApi(imported.Api);
        var api = request.Grains.GetGrain<IApiGrain>(created.ApiId);
        try
        {
            await AddRoutesAsync(api, imported);
        }
        catch (ApiGatewayException)
        {
            await api.Delete();
            throw;
        }

        await WriteApiAsync(request, await api.GetApi(), imported.Warnings);
    }

    private async Task ReimportApi(WireRequest request)
    {
        var api = request.Grains.GetGrain<IApiGrain>(request["apiId"]);
        var existing = await api.GetApi();
        if (existing.ProtocolType != "HTTP")
        {
            throw ApiGatewayException.BadRequest("Only HTTP APIs can be reimported from OpenAPI");
        }

        var imported = await ReadDefinitionAsync(request);

        // The definition replaces what the API is made of; what API Gateway manages (quick create) stays.
        foreach (var route in (await api.GetRoutes()).Where(r => !r.ApiGatewayManaged))
        {
            await api.DeleteRoute(route.RouteId);
        }

        foreach (var integration in (await api.GetIntegrations()).Where(i => !i.ApiGatewayManaged))
        {
            await api.DeleteIntegration(integration.IntegrationId);
        }

        foreach (var authorizer in await api.GetAuthorizers())
        {
            await api.DeleteAuthorizer(authorizer.AuthorizerId);
        }

        if (existing.CorsConfiguration is not null && imported.Api.CorsConfiguration is null)
        {
            await api.DeleteCorsConfiguration();
        }

        await api.UpdateApi(imported.Api with { ProtocolType = null });
        await AddRoutesAsync(api, imported);
        await WriteApiAsync(request, await api.GetApi(), imported.Warnings);
    }

    private async Task ExportApi(WireRequest request)
    {
        var query = request.Context.Request.Query;
        if (request["specification"] != "OAS30")
        {
            throw ApiGatewayException.BadRequest($"Invalid specification: {request["specification"]}. Must be OAS30");
        }

        var outputType = query["outputType"].ToString();
        if (outputType is not ("JSON" or "YAML"))
        {
            throw ApiGatewayException.BadRequest($"Invalid outputType: {outputType}. Must be one of [JSON, YAML]");
        }

        var includeExtensions = !string.Equals(query["includeExtensions"].ToString(), "false", StringComparison.OrdinalIgnoreCase);
        var api = request.Grains.GetGrain<IApiGrain>(request["apiId"]);
        var definition = await api.GetApi();
        if (definition.ProtocolType != "HTTP")
        {
            throw ApiGatewayException.BadRequest("Only HTTP APIs can be exported");
        }

        var stageName = query["stageName"].ToString() is { Length: > 0 } name ? name : null;
        IReadOnlyList<RouteDefinition> routes;
        IReadOnlyList<IntegrationDefinition> integrations;
        if (stageName is null)
        {
            routes = await api.GetRoutes();
            integrations = await api.GetIntegrations();
        }
        else
        {
            // A stage exports what it serves: its deployment's snapshot.
            var stage = await api.GetStage(stageName);
            var snapshot = stage.DeploymentId is { } deploymentId
                ? await request.Grains.GetGrain<IDeploymentGrain>($"{definition.ApiId}/{deploymentId}").GetSnapshot()
                : null;
            if (snapshot is null)
            {
                throw ApiGatewayException.BadRequest($"Stage {stageName} has no deployment to export");
            }

            (definition, routes, integrations) = (snapshot.Api, snapshot.Routes, snapshot.Integrations);
        }

        var document = OpenApiExporter.Write(definition, routes, integrations, await api.GetAuthorizers(),
            WireShapes.ApiEndpoint(definition, dataPort), stageName, includeExtensions);
        var response = request.Context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = outputType == "YAML" ? "application/yaml" : "application/json";
        await response.WriteAsync(OpenApiText.Write(document, yaml: outputType == "YAML"), Encoding.UTF8, request.Context.RequestAborted);
    }

    private async Task<ImportedApi> ReadDefinitionAsync(WireRequest request)
    {
        var input = await request.ReadBodyAsync<ImportBody>();
        if (string.IsNullOrWhiteSpace(input.Body))
        {
            throw ApiErrors.Required("body");
        }

        var imported = OpenApiText.Read(input.Body, OpenApiImporter.Read);
        foreach (var route in imported.Routes)
        {
            ownAdmin.EnsureNotTargetedBy(route.Integration?.IntegrationUri);
        }

        if (imported.Warnings.Count > 0 && string.Equals(request.Context.Request.Query["failOnWarnings"], "true", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiGatewayException.BadRequest("Warnings found during import:\n\t" + string.Join("\n\t", imported.Warnings));
        }

        return imported;
    }

    private static async Task AddRoutesAsync(IApiGrain api, ImportedApi imported)
    {
        var authorizers = new Dictionary<string, AuthorizerDefinition>();
        foreach (var authorizer in imported.Authorizers)
        {
            authorizers[authorizer.SchemeName] = await api.CreateAuthorizer(authorizer.Input);
        }

        foreach (var route in imported.Routes)
        {
            var target = route.Integration is { } integration ? "integrations/" + (await api.CreateIntegration(integration)).IntegrationId : null;
            var authorizer = route.SchemeName is { } scheme ? authorizers[scheme] : null;
            var type = authorizer?.AuthorizerType switch { null => null, "JWT" => "JWT", _ => "CUSTOM" };
            await api.CreateRoute(new RouteInput
            {
                RouteKey = route.RouteKey,
                Target = target,
                AuthorizationType = type,
                AuthorizerId = authorizer?.AuthorizerId,
                AuthorizationScopes = type == "JWT" ? route.Scopes : null,
            });
        }
    }

    private async Task WriteApiAsync(WireRequest request, ApiDefinition api, List<string> warnings)
    {
        var wire = WireShapes.Api(api, dataPort);
        if (warnings.Count > 0)
        {
            wire["warnings"] = new JsonArray([.. warnings.Select(w => (JsonNode)w)]);
        }

        await request.WriteAsync(StatusCodes.Status201Created, wire);
    }

    private sealed record ImportBody
    {
        public string? Body { get; init; }
    }
}
