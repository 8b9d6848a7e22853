using System.Globalization;
using System.Text.Json.Nodes;
using OrleansGateway.HttpApis;

namespace OrleansGateway.OpenApi.HttpApis;

/// <summary>
/// Writes an HTTP API as OpenAPI 3.0 with API Gateway's extensions, the shape ExportApi gives and
/// <see cref="OpenApiImporter"/> reads back: one path per route, <c>{param}</c>s declared, the
/// integration and the authorizer of each route as extensions when <c>includeExtensions</c> is on.
/// </summary>
public static class OpenApiExporter
{
    public static JsonObject Write(
        ApiDefinition api,
        IReadOnlyList<RouteDefinition> routes,
        IReadOnlyList<IntegrationDefinition> integrations,
        IReadOnlyList<AuthorizerDefinition> authorizers,
        string apiEndpoint,
        string? stageName,
        bool includeExtensions)
    {
        var info = new JsonObject
        {
            ["title"] = api.Name,
            ["version"] = api.Version ?? api.CreatedDate.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'UTC'", CultureInfo.InvariantCulture),
        };
        if (api.Description is not null)
        {
            info["description"] = api.Description;
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.0.1",
            ["info"] = info,
            ["servers"] = new JsonArray(new JsonObject
            {
                ["url"] = apiEndpoint + "/{basePath}",
                ["variables"] = new JsonObject
                {
                    ["basePath"] = new JsonObject { ["default"] = stageName is null or "$default" ? string.Empty : stageName },
                },
            }),
        };
        var paths = new JsonObject();
        var byId = integrations.ToDictionary(i => i.IntegrationId);
        var usedAuthorizers = new Dictionary<string, AuthorizerDefinition>();
        foreach (var route in routes.OrderBy(r => r.RouteKey, StringComparer.Ordinal))
        {
            var (method, path) = route.RouteKey == "$default" ? (OpenApiExtensions.AnyMethod, "$default") : Split(route.RouteKey);
            if (paths[path] is not JsonObject item)
            {
                item = [];
                paths[path] = item;
            }

            var operation = new JsonObject
            {
                ["responses"] = new JsonObject { ["default"] = new JsonObject { ["description"] = $"Default response for {route.RouteKey}" } },
            };
            if (route.AuthorizerId is { } authorizerId && authorizers.FirstOrDefault(a => a.AuthorizerId == authorizerId) is { } authorizer)
            {
                usedAuthorizers[authorizer.Name] = authorizer;
                operation["security"] = new JsonArray(new JsonObject
                {
                    [authorizer.Name] = new JsonArray([.. (route.AuthorizationScopes ?? []).Select(s => (JsonNode)s)]),
                });
            }

            const string targetPrefix = "integrations/";
            if (includeExtensions && route.Target is { } target && target.StartsWith(targetPrefix, StringComparison.Ordinal)
                && byId.TryGetValue(target[targetPrefix.Length..], out var integration))
            {
                operation[OpenApiExtensions.Integration] = Integration(integration);
            }

            item[method] = operation;
        }

        // Path parameters are declared once per path, after its operations.
        foreach (var path in paths.Select(p => p.Key).ToList())
        {
            if (Parameters(path) is { Count: > 0 } parameters)
            {
                paths[path]!["parameters"] = parameters;
            }
        }

        document["paths"] = paths;
        if (usedAuthorizers.Count > 0)
        {
            document["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject(usedAuthorizers.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)SecurityScheme(a.Value, includeExtensions)))),
            };
        }

        if (includeExtensions)
        {
            if (api.CorsConfiguration is { } cors)
            {
                document[OpenApiExtensions.Cors] = Cors(cors);
            }

            document[OpenApiExtensions.ImportExportVersion] = "1.0";
        }

        return document;
    }

    private static (string Method, string Path) Split(string routeKey)
    {
        var space = routeKey.IndexOf(' ', StringComparison.Ordinal);
        var method = routeKey[..space];
        return (method == "ANY" ? OpenApiExtensions.AnyMethod : method.ToLowerInvariant(), routeKey[(space + 1)..]);
    }

    private static JsonArray Parameters(string path) =>
        new([.. path.Split('/')
            .Where(segment => segment.StartsWith('{') && segment.EndsWith('}'))
            .Select(segment => segment.Trim('{', '}').TrimEnd('+'))
            .Select(name => (JsonNode)new JsonObject
            {
                ["name"] = name,
                ["in"] = "path",
                ["description"] = $"Generated path parameter for {name}",
                ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = "string" },
            })]);

    private static JsonObject Integration(IntegrationDefinition integration)
    {
        var extension = new JsonObject();
        Add(extension, "payloadFormatVersion", integration.PayloadFormatVersion);
        Add(extension, "type", integration.IntegrationType.ToLowerInvariant());
        Add(extension, "httpMethod", integration.IntegrationMethod);
        Add(extension, "uri", integration.IntegrationUri);
        Add(extension, "connectionType", integration.ConnectionType);
        Add(extension, "connectionId", integration.ConnectionId);
        Add(extension, "credentials", integration.CredentialsArn);
        Add(extension, "description", integration.Description);
        Add(extension, "integrationSubtype", integration.IntegrationSubtype);
        if (integration.TimeoutInMillis is { } timeout)
        {
            extension["timeoutInMillis"] = timeout;
        }

        if (integration.RequestParameters is { Count: > 0 } request)
        {
            extension["requestParameters"] = new JsonObject(request.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        }

        if (integration.ResponseParameters is { Count: > 0 } response)
        {
            extension["responseParameters"] = new JsonObject(response.Select(p => KeyValuePair.Create(
                p.Key, (JsonNode?)new JsonObject(p.Value.Select(q => KeyValuePair.Create(q.Key, (JsonNode?)q.Value))))));
        }

        if (integration.TlsConfig?.ServerNameToVerify is { } serverName)
        {
            extension["tlsConfig"] = new JsonObject { ["serverNameToVerify"] = serverName };
        }

        return extension;
    }

    private static JsonObject SecurityScheme(AuthorizerDefinition authorizer, bool includeExtensions)
    {
        var scheme = authorizer.AuthorizerType == "JWT"
            ? new JsonObject { ["type"] = "oauth2", ["flows"] = new JsonObject() }
            : new JsonObject { ["type"] = "apiKey", ["name"] = "Unused", ["in"] = "header" };
        if (!includeExtensions)
        {
            return scheme;
        }

        var extension = new JsonObject { ["identitySource"] = string.Join(",", authorizer.IdentitySource ?? []) };
        if (authorizer.JwtConfiguration is { } jwt)
        {
            var configuration = new JsonObject { ["issuer"] = jwt.Issuer };
            if (jwt.Audience is { } audience)
            {
                configuration["audience"] = new JsonArray([.. audience.Select(a => (JsonNode)a)]);
            }

            extension["jwtConfiguration"] = configuration;
        }

        Add(extension, "authorizerUri", authorizer.AuthorizerUri);
        Add(extension, "authorizerCredentials", authorizer.AuthorizerCredentialsArn);
        Add(extension, "authorizerPayloadFormatVersion", authorizer.AuthorizerPayloadFormatVersion);
        if (authorizer.AuthorizerResultTtlInSeconds is { } ttl)
        {
            extension["authorizerResultTtlInSeconds"] = ttl;
        }

        if (authorizer.EnableSimpleResponses is { } simple)
        {
            extension["enableSimpleResponses"] = simple;
        }

        extension["type"] = authorizer.AuthorizerType.ToLowerInvariant();
        scheme[OpenApiExtensions.Authorizer] = extension;
        return scheme;
    }

    private static JsonObject Cors(CorsConfiguration cors)
    {
        var extension = new JsonObject();
        AddList(extension, "allowOrigins", cors.AllowOrigins);
        AddList(extension, "allowMethods", cors.AllowMethods);
        AddList(extension, "allowHeaders", cors.AllowHeaders);
        AddList(extension, "exposeHeaders", cors.ExposeHeaders);
        if (cors.AllowCredentials is { } credentials)
        {
            extension["allowCredentials"] = credentials;
        }

        if (cors.MaxAge is { } maxAge)
        {
            extension["maxAge"] = maxAge;
        }

        return extension;
    }

    private static void Add(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    private static void AddList(JsonObject target, string name, List<string>? values)
    {
        if (values is not null)
        {
            target[name] = new JsonArray([.. values.Select(v => (JsonNode)v)]);
        }
    }
}
