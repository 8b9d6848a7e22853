using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansGateway.RestApis;
using static OrleansGateway.OpenApi.RestApis.RestIntegrationExtension;

namespace OrleansGateway.OpenApi.RestApis;

/// <summary>
/// Writes a REST API (a stage's deployed definition) as OpenAPI 3.0 or Swagger 2.0, the shapes
/// GetExport gives and <see cref="RestOpenApiImporter"/> reads back: one path per resource with
/// methods, models as schemas, authorizers and API keys as security schemes, and API Gateway's
/// extensions as the <c>extensions</c> parameter asks.
/// </summary>
public static class RestOpenApiExporter
{
    public static JsonObject Write(RestApiContent content, RestExportOptions options)
    {
        var api = content.Api;
        var info = new JsonObject();
        Add(info, "description", api.Description);
        info["version"] = api.Version ?? api.CreatedDate.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        info["title"] = api.Name;
        var document = new JsonObject();
        if (options.Swagger)
        {
            var server = new Uri(options.ServerUrl);
            document["swagger"] = "2.0";
            document["info"] = info;
            document["host"] = server.Authority;
            document["basePath"] = "/" + options.StageName;
            document["schemes"] = new JsonArray(server.Scheme);
        }
        else
        {
            document["openapi"] = "3.0.1";
            document["info"] = info;
            document["servers"] = new JsonArray(new JsonObject
            {
                ["url"] = options.ServerUrl + "/{basePath}",
                ["variables"] = new JsonObject { ["basePath"] = new JsonObject { ["default"] = options.StageName } },
            });
        }

        var schemes = new JsonObject();
        var validators = content.RequestValidators.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var authorizers = content.Authorizers.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var paths = new JsonObject();
        foreach (var resource in content.Resources.Where(r => r.ResourceMethods is { Count: > 0 }).OrderBy(r => r.Path, StringComparer.Ordinal))
        {
            var item = new JsonObject();
            foreach (var method in resource.ResourceMethods!.Values.OrderBy(m => m.HttpMethod, StringComparer.Ordinal))
            {
                var verb = method.HttpMethod == "ANY" ? OpenApiExtensions.AnyMethod : method.HttpMethod.ToLowerInvariant();
                item[verb] = RestOpenApiOperationWriter.Write(method, options, validators, authorizers, schemes);
            }

            paths[resource.Path] = item;
        }

        document["paths"] = paths;
        var schemasPointer = options.Swagger ? "#/definitions/" : "#/components/schemas/";
        var schemas = new JsonObject(content.Models.OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => KeyValuePair.Create(m.Name, (JsonNode?)RestModelSchemas.ToDocument(m.Schema, schemasPointer))));
        if (options.Swagger)
        {
            if (schemes.Count > 0)
            {
                document["securityDefinitions"] = schemes;
            }

            if (schemas.Count > 0)
            {
                document["definitions"] = schemas;
            }
        }
        else if (schemas.Count > 0 || schemes.Count > 0)
        {
            var components = new JsonObject();
            if (schemas.Count > 0)
            {
                components["schemas"] = schemas;
            }

            if (schemes.Count > 0)
            {
                components["securitySchemes"] = schemes;
            }

            document["components"] = components;
        }

        if (options.WithApiSettings)
        {
            WriteApiSettings(document, content);
        }

        return document;
    }

    private static void WriteApiSettings(JsonObject document, RestApiContent content)
    {
        var api = content.Api;
        if (content.GatewayResponses.Count > 0)
        {
            document[OpenApiExtensions.GatewayResponses] = new JsonObject(content.GatewayResponses.OrderBy(r => r.ResponseType, StringComparer.Ordinal)
                .Select(r =>
                {
                    var response = new JsonObject();
                    Add(response, "statusCode", r.StatusCode);
                    AddMap(response, "responseParameters", r.ResponseParameters);
                    AddMap(response, "responseTemplates", r.ResponseTemplates);
                    return KeyValuePair.Create(r.ResponseType, (JsonNode?)response);
                }));
        }

        if (content.RequestValidators.Count > 0)
        {
            document[OpenApiExtensions.RequestValidators] = new JsonObject(content.RequestValidators
                .Select(v => KeyValuePair.Create(v.Name ?? v.Id, (JsonNode?)new JsonObject
                {
                    ["validateRequestParameters"] = v.ValidateRequestParameters,
                    ["validateRequestBody"] = v.ValidateRequestBody,
                })));
        }

        if (api.BinaryMediaTypes is { Count: > 0 } media)
        {
            document[OpenApiExtensions.BinaryMediaTypes] = new JsonArray([.. media.Select(m => (JsonNode)m)]);
        }

        if (api.MinimumCompressionSize is { } size)
        {
            document[OpenApiExtensions.MinimumCompressionSize] = size;
        }

        Add(document, OpenApiExtensions.ApiKeySource, api.ApiKeySource);
        if (api.Policy is { Length: > 0 } policy)
        {
            document[OpenApiExtensions.Policy] = ParseOrText(policy);
        }

        if (api.EndpointConfiguration is { } endpoint && (endpoint.VpcEndpointIds is { Count: > 0 } || api.DisableExecuteApiEndpoint))
        {
            var written = new JsonObject();
            if (endpoint.VpcEndpointIds is { Count: > 0 } ids)
            {
                written["vpcEndpointIds"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]);
            }

            written["disableExecuteApiEndpoint"] = api.DisableExecuteApiEndpoint;
            document[OpenApiExtensions.EndpointConfiguration] = written;
        }
    }

    private static JsonNode ParseOrText(string text)
    {
        try
        {
            return JsonNode.Parse(text) ?? JsonValue.Create(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
