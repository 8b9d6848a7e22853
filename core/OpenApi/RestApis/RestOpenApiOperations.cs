using System.Text;
using System.Text.Json.Nodes;
using OrleansGateway.RestApis;
using static OrleansGateway.OpenApi.OpenApiText;

namespace OrleansGateway.OpenApi.RestApis;

/// <summary>One operation of a path as a REST method.</summary>
internal static class RestOpenApiOperations
{
    private static readonly HashSet<string> KnownMembers =
    [
        "parameters", "requestBody", "responses", "security", "operationId", "summary", "description", "tags",
        "consumes", "produces", "deprecated", "externalDocs", "schemes", "callbacks", "servers",
        OpenApiExtensions.Integration, OpenApiExtensions.RequestValidator,
    ];

    private static readonly Dictionary<string, string> Locations = new(StringComparer.Ordinal)
    {
        ["path"] = "path",
        ["query"] = "querystring",
        ["header"] = "header",
    };

    public static RestMethod Read(RestImportContext context, string path, string httpMethod, JsonObject operation, JsonArray? pathParameters)
    {
        var where = $"{httpMethod} {path}";
        foreach (var (name, _) in operation.Where(p => !KnownMembers.Contains(p.Key)))
        {
            context.Warnings.Add($"{where}: {name} is not supported and was ignored");
        }

        var requestParameters = new Dictionary<string, bool>(StringComparer.Ordinal);
        var requestModels = new Dictionary<string, string>(StringComparer.Ordinal);
        var consumes = Strings(operation["consumes"]) ?? Strings(context.Document["consumes"]) ?? ["application/json"];
        foreach (var node in (pathParameters ?? []).Concat(operation["parameters"] as JsonArray ?? []))
        {
            if (context.Resolve(node) is not JsonObject parameter || Text(parameter["name"]) is not { } name)
            {
                continue;
            }

            var location = Text(parameter["in"]) ?? string.Empty;
            if (Locations.TryGetValue(location, out var wire))
            {
                requestParameters[$"method.request.{wire}.{name}"] = location == "path" || (Bool(parameter["required"]) ?? false);
            }
            else if (location == "body" && context.ModelFor(parameter["schema"], ModelName(path, httpMethod, "Request")) is { } model)
            {
                foreach (var contentType in consumes)
                {
                    requestModels[contentType] = model;
                }
            }
            else if (location != "body")
            {
                context.Warnings.Add($"{where}: parameter {name} in {location} is not supported and was ignored");
            }
        }

        if (context.Resolve(operation["requestBody"]) is JsonObject body)
        {
            foreach (var (contentType, media) in body["content"] as JsonObject ?? [])
            {
                if (context.ModelFor(media?["schema"], ModelName(path, httpMethod, "Request")) is { } model)
                {
                    requestModels[contentType] = model;
                }
            }
        }

        var (authorizationType, authorizerId, apiKeyRequired, scopes) = Security(context, where, operation["security"] as JsonArray ?? context.DefaultSecurity);
        var validator = Text(operation[OpenApiExtensions.RequestValidator]) ?? context.DefaultValidator;
        string? validatorId = null;
        if (validator is not null && context.Validators.TryGetValue(validator, out var found))
        {
            validatorId = found.Id;
        }
        else if (validator is not null)
        {
            context.Warnings.Add($"{where}: request validator {validator} is not in {OpenApiExtensions.RequestValidators} and was ignored");
        }

        return new RestMethod
        {
            HttpMethod = httpMethod,
            OperationName = Text(operation["operationId"]),
            AuthorizationType = authorizationType,
            AuthorizerId = authorizerId,
            AuthorizationScopes = scopes,
            ApiKeyRequired = apiKeyRequired,
            RequestValidatorId = validatorId,
            RequestParameters = requestParameters.Count > 0 ? requestParameters : null,
            RequestModels = requestModels.Count > 0 ? requestModels : null,
            MethodResponses = Responses(context, where, path, httpMethod, operation),
            MethodIntegration = operation[OpenApiExtensions.Integration] is JsonObject integration
                ? RestIntegrationExtension.Read(integration, where, context.Warnings)
                : null,
        };
    }

    private static Dictionary<string, RestMethodResponse>? Responses(RestImportContext context, string where, string path, string httpMethod, JsonObject operation)
    {
        var responses = new Dictionary<string, RestMethodResponse>(StringComparer.Ordinal);
        foreach (var (statusCode, node) in operation["responses"] as JsonObject ?? [])
        {
            if (statusCode.Length != 3 || !statusCode.All(char.IsAsciiDigit))
            {
                context.Warnings.Add($"{where}: response {statusCode} is not a status code and was ignored");
                continue;
            }

            var response = context.Resolve(node) as JsonObject ?? [];
            var parameters = (response["headers"] as JsonObject ?? []).ToDictionary(h => $"method.response.header.{h.Key}", _ => false, StringComparer.Ordinal);
            var models = new Dictionary<string, string>(StringComparer.Ordinal);
            var suggested = ModelName(path, httpMethod, statusCode);
            if (context.Swagger)
            {
                if (context.ModelFor(response["schema"], suggested) is { } model)
                {
                    foreach (var contentType in Strings(operation["produces"]) ?? Strings(context.Document["produces"]) ?? ["application/json"])
                    {
                        models[contentType] = model;
                    }
                }
            }
            else
            {
                foreach (var (contentType, media) in response["content"] as JsonObject ?? [])
                {
                    if (context.ModelFor(media?["schema"], suggested) is { } model)
                    {
                        models[contentType] = model;
                    }
                }
            }

            responses[statusCode] = new RestMethodResponse
            {
                StatusCode = statusCode,
                ResponseParameters = parameters.Count > 0 ? parameters : null,
                ResponseModels = models.Count > 0 ? models : null,
            };
        }

        return responses.Count > 0 ? responses : null;
    }

    private static (string Type, string? AuthorizerId, bool ApiKeyRequired, List<string>? Scopes) Security(RestImportContext context, string where, JsonArray? security)
    {
        var (type, authorizerId, apiKeyRequired, scopes) = ("NONE", (string?)null, false, (List<string>?)null);
        foreach (var requirement in (security ?? []).OfType<JsonObject>())
        {
            foreach (var (name, value) in requirement)
            {
                if (context.Authorizers.TryGetValue(name, out var authorizer))
                {
                    (type, authorizerId) = (authorizer.AuthorizationType, authorizer.Authorizer.Id);
                    scopes = Strings(value) is { Count: > 0 } named ? named : null;
                }
                else if (context.ApiKeySchemes.Contains(name))
                {
                    apiKeyRequired = true;
                }
                else if (context.IamSchemes.Contains(name))
                {
                    type = "AWS_IAM";
                }
                else
                {
                    context.Warnings.Add($"{where}: security scheme {name} was not imported; the method was imported without it");
                }
            }
        }

        return (type, authorizerId, apiKeyRequired, scopes);
    }

    /// <summary>A name for an inline schema's model: letters and digits of the path, the verb and what it is for.</summary>
    private static string ModelName(string path, string httpMethod, string suffix)
    {
        var builder = new StringBuilder();
        foreach (var part in path.Split('/', '{', '}', '+', '-', '_', '.'))
        {
            var letters = new string([.. part.Where(char.IsAsciiLetterOrDigit)]);
            if (letters.Length > 0)
            {
                builder.Append(char.ToUpperInvariant(letters[0])).Append(letters.AsSpan(1));
            }
        }

        return $"{builder}{httpMethod[0]}{httpMethod[1..].ToLowerInvariant()}{suffix}";
    }
}
