using System.Text.Json.Nodes;
using OrleansGateway.Errors;
using OrleansGateway.HttpApis;
using OrleansGateway.Integrations;
using OrleansGateway.Routing;
using static OrleansGateway.OpenApi.OpenApiText;

namespace OrleansGateway.OpenApi.HttpApis;

/// <summary>
/// Reads an OpenAPI 3.0 definition with API Gateway's extensions (<c>x-amazon-apigateway-integration</c>,
/// <c>-any-method</c>, <c>-cors</c>, <c>-authorizer</c>) into an HTTP API, as ImportApi does.
/// Paths become route keys (<c>GET /pets</c>; the path <c>$default</c> is the $default route).
/// </summary>
public static class OpenApiImporter
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", OpenApiExtensions.AnyMethod];

    public static ImportedApi Read(JsonObject document)
    {
        if (Text(document["openapi"]) is not { } version || !version.StartsWith("3.", StringComparison.Ordinal))
        {
            throw ApiGatewayException.BadRequest("Only OpenAPI 3.0 definitions can be imported into an HTTP API");
        }

        var info = document["info"] as JsonObject;
        if (Text(info?["title"]) is not { Length: > 0 } title)
        {
            throw ApiGatewayException.BadRequest("The OpenAPI definition needs info.title, the name of the API");
        }

        var warnings = new List<string>();
        var api = new ApiInput
        {
            Name = title,
            ProtocolType = "HTTP",
            Version = Text(info?["version"]),
            Description = Text(info?["description"]),
            CorsConfiguration = document[OpenApiExtensions.Cors] is JsonObject cors ? Cors(cors) : null,
        };
        var authorizers = Authorizers(document, warnings);
        var routes = new List<ImportedRoute>();
        foreach (var (path, item) in document["paths"] as JsonObject ?? [])
        {
            if (item is not JsonObject operations)
            {
                continue;
            }

            foreach (var method in Methods)
            {
                if (operations[method] is JsonObject operation)
                {
                    routes.Add(Route(path, method, operation, authorizers, warnings));
                }
            }
        }

        return new ImportedApi(api, authorizers, routes, warnings);
    }

    private static ImportedRoute Route(string path, string method, JsonObject operation, List<ImportedAuthorizer> authorizers, List<string> warnings)
    {
        var routeKey = path == "$default" ? "$default" : $"{(method == OpenApiExtensions.AnyMethod ? "ANY" : method.ToUpperInvariant())} {path}";
        // Checked before anything is written, with the parsers the grain and the edge use, so a
        // reimport is refused whole instead of leaving the API half replaced.
        if (!RouteKey.TryParse(routeKey, out _, out var keyError))
        {
            throw ApiGatewayException.BadRequest(keyError);
        }

        var integration = operation[OpenApiExtensions.Integration] is JsonObject extension ? Integration(extension) : null;
        if (integration is not null && HttpApiIntegrationRules.Check(integration.IntegrationMethod, integration.IntegrationSubtype,
            integration.RequestParameters, integration.ResponseParameters) is { } integrationError)
        {
            throw ApiGatewayException.BadRequest(integrationError);
        }
        if (integration is null)
        {
            warnings.Add($"Route {routeKey} has no {OpenApiExtensions.Integration} and was imported without a target");
        }

        string? scheme = null;
        List<string>? scopes = null;
        if (operation["security"] is JsonArray { Count: > 0 } security && security[0] is JsonObject { Count: > 0 } requirement)
        {
            var (name, value) = requirement.First();
            if (authorizers.Any(a => a.SchemeName == name))
            {
                scheme = name;
                scopes = Strings(value) is { Count: > 0 } named ? named : null;
            }
            else
            {
                warnings.Add($"Route {routeKey} names security scheme {name}, which has no {OpenApiExtensions.Authorizer}; it was imported without authorization");
            }
        }

        return new ImportedRoute(routeKey, integration, scheme, scopes);
    }

    private static IntegrationInput Integration(JsonObject extension) => new()
    {
        IntegrationType = Text(extension["type"])?.ToUpperInvariant(),
        IntegrationUri = Text(extension["uri"]),
        IntegrationMethod = Text(extension["httpMethod"]),
        PayloadFormatVersion = Text(extension["payloadFormatVersion"]),
        TimeoutInMillis = Int(extension["timeoutInMillis"]),
        ConnectionType = Text(extension["connectionType"]),
        ConnectionId = Text(extension["connectionId"]),
        CredentialsArn = Text(extension["credentials"]),
        Description = Text(extension["description"]),
        IntegrationSubtype = Text(extension["integrationSubtype"]),
        RequestParameters = extension["requestParameters"] is JsonObject request
            ? request.Where(p => Text(p.Value) is not null).ToDictionary(p => p.Key, p => Text(p.Value)!)
            : null,
        ResponseParameters = extension["responseParameters"] is JsonObject response
            ? response.Where(p => p.Value is JsonObject).ToDictionary(
                p => p.Key,
                p => p.Value!.AsObject().Where(q => Text(q.Value) is not null).ToDictionary(q => q.Key, q => Text(q.Value)!))
            : null,
        TlsConfig = extension["tlsConfig"] is JsonObject tls && Text(tls["serverNameToVerify"]) is { } serverName
            ? new TlsConfig { ServerNameToVerify = serverName }
            : null,
    };

    private static CorsConfiguration Cors(JsonObject cors) => new()
    {
        AllowCredentials = Bool(cors["allowCredentials"]),
        AllowHeaders = Strings(cors["allowHeaders"]),
        AllowMethods = Strings(cors["allowMethods"]),
        AllowOrigins = Strings(cors["allowOrigins"]),
        ExposeHeaders = Strings(cors["exposeHeaders"]),
        MaxAge = Int(cors["maxAge"]),
    };

    private static List<ImportedAuthorizer> Authorizers(JsonObject document, List<string> warnings)
    {
        var authorizers = new List<ImportedAuthorizer>();
        foreach (var (name, scheme) in document["components"]?["securitySchemes"] as JsonObject ?? [])
        {
            if (scheme?[OpenApiExtensions.Authorizer] is not JsonObject extension)
            {
                warnings.Add($"Security scheme {name} has no {OpenApiExtensions.Authorizer} and was not imported");
                continue;
            }

            var type = Text(extension["type"])?.ToUpperInvariant();
            var jwt = extension["jwtConfiguration"] as JsonObject;
            authorizers.Add(new ImportedAuthorizer(name, new AuthorizerInput
            {
                Name = name,
                AuthorizerType = type,
                IdentitySource = Strings(extension["identitySource"])?
                    .SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList(),
                JwtConfiguration = jwt is null ? null : new JwtConfiguration { Issuer = Text(jwt["issuer"]), Audience = Strings(jwt["audience"]) },
                AuthorizerUri = Text(extension["authorizerUri"]),
                AuthorizerCredentialsArn = Text(extension["authorizerCredentials"]),
                AuthorizerPayloadFormatVersion = Text(extension["authorizerPayloadFormatVersion"]),
                AuthorizerResultTtlInSeconds = Int(extension["authorizerResultTtlInSeconds"]),
                EnableSimpleResponses = Bool(extension["enableSimpleResponses"]),
            }));
        }

        return authorizers;
    }
}
