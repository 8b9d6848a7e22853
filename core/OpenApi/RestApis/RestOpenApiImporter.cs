using System.Text.Json.Nodes;
using OrleansGateway.Errors;
using OrleansGateway.RestApis;
using static OrleansGateway.OpenApi.OpenApiText;

namespace OrleansGateway.OpenApi.RestApis;

/// <summary>
/// Reads an OpenAPI 3.0 or Swagger 2.0 document with API Gateway's extensions into a REST API's
/// whole definition, as ImportRestApi and PutRestApi do: paths become the resource tree, operations
/// methods, schemas models. What cannot be imported is a warning, never dropped in silence.
/// </summary>
public static class RestOpenApiImporter
{
    private static readonly HashSet<string> ApiExtensions =
    [
        OpenApiExtensions.ApiKeySource, OpenApiExtensions.BinaryMediaTypes, OpenApiExtensions.MinimumCompressionSize,
        OpenApiExtensions.GatewayResponses, OpenApiExtensions.RequestValidators, OpenApiExtensions.RequestValidator,
        OpenApiExtensions.Documentation, OpenApiExtensions.EndpointConfiguration, OpenApiExtensions.Policy,
        OpenApiExtensions.ImportExportVersion,
    ];

    public static RestImport Read(JsonObject document, RestImportOptions options)
    {
        var swagger = Text(document["swagger"]) is { } swaggerVersion
            ? swaggerVersion.StartsWith("2.", StringComparison.Ordinal)
                ? true
                : throw ApiGatewayException.BadRequest($"Invalid Swagger version {swaggerVersion}: only Swagger 2.0 and OpenAPI 3.0 can be imported")
            : Text(document["openapi"]) is { } openApiVersion && openApiVersion.StartsWith("3.0", StringComparison.Ordinal)
                ? false
                : throw ApiGatewayException.BadRequest("Invalid OpenAPI input: the document must be Swagger 2.0 (swagger: \"2.0\") or OpenAPI 3.0 (openapi: \"3.0.x\")");
        var info = document["info"] as JsonObject;
        var warnings = new List<string>();
        foreach (var (name, _) in document.Where(p => p.Key.StartsWith("x-amazon-apigateway-", StringComparison.Ordinal) && !ApiExtensions.Contains(p.Key)))
        {
            warnings.Add($"Extension {name} is not supported and was ignored");
        }

        if (document.ContainsKey(OpenApiExtensions.Documentation) && !options.IgnoreDocumentation)
        {
            warnings.Add($"Extension {OpenApiExtensions.Documentation} is not supported: documentation parts were not imported");
        }

        var context = new RestImportContext(document, swagger, options, warnings);
        var endpoint = document[OpenApiExtensions.EndpointConfiguration] as JsonObject;
        var api = new RestApiDefinition
        {
            Id = string.Empty,
            RootResourceId = string.Empty,
            Name = Text(info?["title"]) ?? string.Empty,
            Description = Text(info?["description"]),
            Version = Text(info?["version"]),
            BinaryMediaTypes = Strings(document[OpenApiExtensions.BinaryMediaTypes]) is { Count: > 0 } media ? media : null,
            MinimumCompressionSize = Int(document[OpenApiExtensions.MinimumCompressionSize]),
            ApiKeySource = Text(document[OpenApiExtensions.ApiKeySource])?.ToUpperInvariant(),
            Policy = document[OpenApiExtensions.Policy] switch
            {
                null => null,
                JsonObject policy => policy.ToJsonString(),
                var policy => Text(policy),
            },
            EndpointConfiguration = endpoint is null ? null : new RestEndpointConfiguration
            {
                Types = Strings(endpoint["types"]),
                VpcEndpointIds = Strings(endpoint["vpcEndpointIds"]),
                IpAddressType = Text(endpoint["ipAddressType"]),
            },
            DisableExecuteApiEndpoint = Bool(endpoint?["disableExecuteApiEndpoint"]) ?? false,
        };
        if (string.IsNullOrEmpty(api.Name))
        {
            throw ApiGatewayException.BadRequest("Invalid OpenAPI input: info.title, the name of the API, is required");
        }

        var resources = RestOpenApiPaths.Read(context);
        return new RestImport(
            new RestApiContent
            {
                Api = api,
                Resources = resources,
                Models = context.Models.Values.ToList(),
                RequestValidators = context.Validators.Values.ToList(),
                GatewayResponses = GatewayResponses(document, warnings),
                Authorizers = context.Authorizers.Values.Select(a => a.Authorizer).ToList(),
            },
            warnings);
    }

    private static List<RestGatewayResponse> GatewayResponses(JsonObject document, List<string> warnings)
    {
        var responses = new List<RestGatewayResponse>();
        foreach (var (type, node) in document[OpenApiExtensions.GatewayResponses] as JsonObject ?? [])
        {
            if (node is not JsonObject response)
            {
                warnings.Add($"Gateway response {type} is not an object and was ignored");
                continue;
            }

            responses.Add(new RestGatewayResponse
            {
                ResponseType = type,
                StatusCode = Text(response["statusCode"]),
                ResponseParameters = RestIntegrationExtension.Map(response["responseParameters"]),
                ResponseTemplates = RestIntegrationExtension.Map(response["responseTemplates"]),
            });
        }

        return responses;
    }
}
