using System.Text.Json.Nodes;
using OrleansGateway.RestApis;
using static OrleansGateway.OpenApi.RestApis.RestIntegrationExtension;

namespace OrleansGateway.OpenApi.RestApis;

/// <summary>One REST method as an OpenAPI 3.0 or Swagger 2.0 operation; the security schemes it names are added to <c>schemes</c>.</summary>
internal static class RestOpenApiOperationWriter
{
    private const string ApiKeyScheme = "api_key";

    private static readonly Dictionary<string, string> Locations = new(StringComparer.Ordinal)
    {
        ["path"] = "path",
        ["querystring"] = "query",
        ["header"] = "header",
    };

    public static JsonObject Write(
        RestMethod method,
        RestExportOptions options,
        Dictionary<string, RestRequestValidator> validators,
        Dictionary<string, RestAuthorizer> authorizers,
        JsonObject schemes)
    {
        var schemasPointer = options.Swagger ? "#/definitions/" : "#/components/schemas/";
        var operation = new JsonObject();
        Add(operation, "operationId", method.OperationName);
        if (options.Swagger)
        {
            if (method.RequestModels is { Count: > 0 } consumed)
            {
                operation["consumes"] = Array(consumed.Keys);
            }

            var produced = method.MethodResponses?.Values.SelectMany(r => r.ResponseModels?.Keys.AsEnumerable() ?? []).Distinct().ToList() ?? [];
            if (produced.Count > 0)
            {
                operation["produces"] = Array(produced);
            }
        }

        var parameters = new JsonArray();
        foreach (var (name, required) in (method.RequestParameters ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var parts = name.Split('.', 4);
            if (parts.Length != 4 || !Locations.TryGetValue(parts[2], out var location))
            {
                continue;
            }

            var parameter = new JsonObject { ["name"] = parts[3], ["in"] = location, ["required"] = location == "path" || required };
            if (options.Swagger)
            {
                parameter["type"] = "string";
            }
            else
            {
                parameter["schema"] = new JsonObject { ["type"] = "string" };
            }

            parameters.Add(parameter);
        }

        if (options.Swagger && method.RequestModels is { Count: > 0 } bodyModels)
        {
            var model = bodyModels.Values.First();
            parameters.Add(new JsonObject
            {
                ["in"] = "body",
                ["name"] = model,
                ["required"] = true,
                ["schema"] = new JsonObject { ["$ref"] = schemasPointer + model },
            });
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (!options.Swagger && method.RequestModels is { Count: > 0 } requestModels)
        {
            operation["requestBody"] = new JsonObject
            {
                ["content"] = new JsonObject(requestModels.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)new JsonObject
                {
                    ["schema"] = new JsonObject { ["$ref"] = schemasPointer + m.Value },
                }))),
                ["required"] = true,
            };
        }

        operation["responses"] = Responses(method, options, schemasPointer);
        var security = new JsonArray();
        if (method.AuthorizerId is { } authorizerId && authorizers.TryGetValue(authorizerId, out var authorizer))
        {
            schemes[authorizer.Name] = AuthorizerScheme(authorizer, options);
            security.Add(new JsonObject { [authorizer.Name] = Array(method.AuthorizationScopes ?? []) });
        }
        else if (method.AuthorizationType == "AWS_IAM")
        {
            schemes["sigv4"] = new JsonObject
            {
                ["type"] = "apiKey",
                ["name"] = "Authorization",
                ["in"] = "header",
                [OpenApiExtensions.AuthType] = "awsSigv4",
            };
            security.Add(new JsonObject { ["sigv4"] = new JsonArray() });
        }

        if (method.ApiKeyRequired)
        {
            schemes[ApiKeyScheme] = new JsonObject { ["type"] = "apiKey", ["name"] = "x-api-key", ["in"] = "header" };
            security.Add(new JsonObject { [ApiKeyScheme] = new JsonArray() });
        }

        if (security.Count > 0)
        {
            operation["security"] = security;
        }

        if (options.WithApiSettings && method.RequestValidatorId is { } validatorId && validators.TryGetValue(validatorId, out var validator))
        {
            operation[OpenApiExtensions.RequestValidator] = validator.Name ?? validator.Id;
        }

        if (options.WithIntegrations && method.MethodIntegration is { } integration)
        {
            operation[OpenApiExtensions.Integration] = RestIntegrationExtension.Write(integration);
        }

        return operation;
    }

    private static JsonObject Responses(RestMethod method, RestExportOptions options, string schemasPointer)
    {
        var responses = new JsonObject();
        foreach (var response in (method.MethodResponses ?? []).Values.OrderBy(r => r.StatusCode, StringComparer.Ordinal))
        {
            var written = new JsonObject { ["description"] = $"{response.StatusCode} response" };
            if (options.Swagger && response.ResponseModels is { Count: > 0 } swaggerModels)
            {
                written["schema"] = new JsonObject { ["$ref"] = schemasPointer + swaggerModels.Values.First() };
            }

            var headers = (response.ResponseParameters ?? []).Keys
                .Where(k => k.StartsWith("method.response.header.", StringComparison.Ordinal))
                .Select(k => k["method.response.header.".Length..]).ToList();
            if (headers.Count > 0)
            {
                written["headers"] = new JsonObject(headers.Select(h => KeyValuePair.Create(h, (JsonNode?)(options.Swagger
                    ? new JsonObject { ["type"] = "string" }
                    : new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } }))));
            }

            if (!options.Swagger && response.ResponseModels is { Count: > 0 } models)
            {
                written["content"] = new JsonObject(models.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)new JsonObject
                {
                    ["schema"] = new JsonObject { ["$ref"] = schemasPointer + m.Value },
                })));
            }

            responses[response.StatusCode] = written;
        }

        return responses;
    }

    private static JsonObject AuthorizerScheme(RestAuthorizer authorizer, RestExportOptions options)
    {
        var header = authorizer.IdentitySource is { } source && source.StartsWith("method.request.header.", StringComparison.Ordinal) && !source.Contains(',', StringComparison.Ordinal)
            ? source["method.request.header.".Length..]
            : "Unused";
        var scheme = new JsonObject { ["type"] = "apiKey", ["name"] = header, ["in"] = "header" };
        if (!options.WithAuthorizers)
        {
            return scheme;
        }

        scheme[OpenApiExtensions.AuthType] = authorizer.AuthType ?? "custom";
        var extension = new JsonObject();
        Add(extension, "authorizerUri", authorizer.AuthorizerUri);
        Add(extension, "authorizerCredentials", authorizer.AuthorizerCredentials);
        if (authorizer.ProviderARNs is { Count: > 0 } arns)
        {
            extension["providerARNs"] = Array(arns);
        }

        Add(extension, "identitySource", authorizer.IdentitySource);
        Add(extension, "identityValidationExpression", authorizer.IdentityValidationExpression);
        if (authorizer.AuthorizerResultTtlInSeconds is { } ttl)
        {
            extension["authorizerResultTtlInSeconds"] = ttl;
        }

        extension["type"] = authorizer.Type.ToLowerInvariant();
        scheme[OpenApiExtensions.Authorizer] = extension;
        return scheme;
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
