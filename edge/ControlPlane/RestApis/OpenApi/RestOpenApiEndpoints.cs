using System.Globalization;
using System.Text;
using OrleansGateway.Errors;
using OrleansGateway.HttpApis;
using OrleansGateway.Integrations;
using OrleansGateway.OpenApi;
using OrleansGateway.OpenApi.RestApis;
using OrleansGateway.RestApis;

namespace OrleansGateway.Edge.ControlPlane.RestApis.OpenApi;

/// <summary>
/// apigateway ImportRestApi, PutRestApi and GetExport. An import or put is read whole, checked, and
/// applied as one grain call (one write, no deployment); an export reads the stage's deployment.
/// </summary>
public sealed class RestOpenApiEndpoints(int dataPort, OwnAdminEndpoint ownAdmin)
{
    private static readonly HashSet<string> EndpointTypes = ["EDGE", "REGIONAL", "PRIVATE"];

    public void Map(WireRouter router)
    {
        router.Map("POST", "/restapis?mode=import", ImportRestApi);
        router.Map("PUT", "/restapis/{restapi_id}", PutRestApi);
        router.Map("GET", "/restapis/{restapi_id}/stages/{stage_name}/exports/{export_type}", GetExport);
    }

    private async Task ImportRestApi(WireRequest request)
    {
        var (content, warnings) = await ReadDefinitionAsync(request);
        var created = await request.Grains.GetGrain<IApiRegistryGrain>(0).ImportRestApi(content);
        await request.WriteCreatedAsync(warnings.Count > 0 ? created with { Warnings = warnings } : created);
    }

    private async Task PutRestApi(WireRequest request)
    {
        var api = RestApiEndpoints.RestApi(request);
        var mode = request.Context.Request.Query["mode"].ToString() is { Length: > 0 } given ? given : "merge";
        await api.Get();
        var (content, warnings) = await ReadDefinitionAsync(request);
        var updated = await api.PutContent(content, mode);
        await request.WriteOkAsync(warnings.Count > 0 ? updated with { Warnings = warnings } : updated);
    }

    private async Task GetExport(WireRequest request)
    {
        var exportType = request["export_type"];
        if (exportType is not ("oas30" or "swagger"))
        {
            throw ApiGatewayException.BadRequest($"No API exporter for type '{exportType}'");
        }

        var query = request.Context.Request.Query;
        var accept = request.Context.Request.Headers.Accept.ToString();
        var yaml = accept.Contains("application/yaml", StringComparison.OrdinalIgnoreCase);
        var api = RestApiEndpoints.RestApi(request);
        var restApiId = request["restapi_id"];
        var stageName = request["stage_name"];
        var stage = await api.GetStage(stageName);
        var snapshot = stage.DeploymentId is { } deploymentId
            ? await request.Grains.GetGrain<IRestDeploymentGrain>($"{restApiId}/{deploymentId}").GetSnapshot()
            : null;
        var content = snapshot is null
            ? throw ApiGatewayException.NotFound("Invalid stage identifier specified")
            : new RestApiContent
            {
                Api = snapshot.Api,
                Resources = snapshot.Resources,
                Models = snapshot.Models,
                RequestValidators = snapshot.RequestValidators,
                GatewayResponses = snapshot.GatewayResponses,
                Authorizers = snapshot.Authorizers,
            };
        var document = RestOpenApiExporter.Write(content, new RestExportOptions
        {
            ExportType = exportType,
            Extensions = query["extensions"].ToString()
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(e => e.Trim('\'', '"')).ToHashSet(StringComparer.Ordinal),
            ServerUrl = $"http://{restApiId}.execute-api.localhost:{dataPort}",
            StageName = stageName,
        });
        var response = request.Context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = yaml ? "application/yaml" : "application/json";
        var stamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        response.Headers.ContentDisposition = $"attachment; filename=\"{exportType}_{stamp}.{(yaml ? "yaml" : "json")}\"";
        await response.WriteAsync(OpenApiText.Write(document, yaml), Encoding.UTF8, request.Context.RequestAborted);
    }

    /// <summary>The body as a definition, with ImportRestApi's and PutRestApi's query parameters applied and checked.</summary>
    private async Task<RestImport> ReadDefinitionAsync(WireRequest request)
    {
        var query = request.Context.Request.Query;
        using var reader = new StreamReader(request.Context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(request.Context.RequestAborted);
        if (string.IsNullOrWhiteSpace(body))
        {
            throw ApiGatewayException.BadRequest("The API definition is empty: pass the OpenAPI or Swagger document as the body");
        }

        var basePath = query["basepath"].ToString() is { Length: > 0 } given ? given : "ignore";
        if (basePath is not ("ignore" or "prepend" or "split"))
        {
            throw ApiGatewayException.BadRequest($"Invalid basepath parameter: {basePath}. Valid values are ignore, prepend, split");
        }

        var options = new RestImportOptions
        {
            BasePath = basePath,
            IgnoreDocumentation = query["ignore"].ToString() == "documentation",
            NewId = ResourceIds.Part,
        };
        var (content, warnings) = OpenApiText.Read(body, document => RestOpenApiImporter.Read(document, options));
        if (query["endpointConfigurationTypes"].ToString() is { Length: > 0 } types)
        {
            if (!EndpointTypes.Contains(types))
            {
                throw ApiGatewayException.BadRequest($"Invalid endpoint configuration type: {types}. Valid values are EDGE, REGIONAL, PRIVATE");
            }

            content = content with { Api = content.Api with { EndpointConfiguration = (content.Api.EndpointConfiguration ?? new()) with { Types = [types] } } };
        }

        foreach (var method in content.Resources.SelectMany(r => r.ResourceMethods?.Values ?? Enumerable.Empty<RestMethod>()))
        {
            ownAdmin.EnsureNotTargetedBy(method.MethodIntegration?.Uri);
        }

        if (warnings.Count > 0 && string.Equals(query["failonwarnings"], "true", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiGatewayException.BadRequest("Warnings found during import:\n\t" + string.Join("\n\t", warnings));
        }

        return new RestImport(content, warnings);
    }
}
