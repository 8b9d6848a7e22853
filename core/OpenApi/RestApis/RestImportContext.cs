using System.Text.Json.Nodes;
using OrleansGateway.RestApis;
using static OrleansGateway.OpenApi.OpenApiText;

namespace OrleansGateway.OpenApi.RestApis;

/// <summary>
/// What the operations of one import share: the document's models, request validators (by name)
/// and security schemes (authorizers, API keys, IAM), and the warnings collected so far.
/// </summary>
internal sealed class RestImportContext
{
    public RestImportContext(JsonObject document, bool swagger, RestImportOptions options, List<string> warnings)
    {
        Document = document;
        Swagger = swagger;
        Options = options;
        Warnings = warnings;
        var schemas = swagger ? document["definitions"] as JsonObject : document["components"]?["schemas"] as JsonObject;
        foreach (var (name, schema) in schemas ?? [])
        {
            Models[name] = new RestModel { Id = options.NewId(), Name = name, ContentType = "application/json", Schema = RestModelSchemas.ToModel(schema ?? new JsonObject()) };
        }

        foreach (var (name, node) in document[OpenApiExtensions.RequestValidators] as JsonObject ?? [])
        {
            Validators[name] = new RestRequestValidator
            {
                Id = options.NewId(),
                Name = name,
                ValidateRequestBody = Bool(node?["validateRequestBody"]) ?? false,
                ValidateRequestParameters = Bool(node?["validateRequestParameters"]) ?? false,
            };
        }

        DefaultValidator = Text(document[OpenApiExtensions.RequestValidator]);
        var schemes = swagger ? document["securityDefinitions"] as JsonObject : document["components"]?["securitySchemes"] as JsonObject;
        foreach (var (name, node) in schemes ?? [])
        {
            ReadScheme(name, node as JsonObject ?? []);
        }

        DefaultSecurity = document["security"] as JsonArray;
    }

    public JsonObject Document { get; }

    public bool Swagger { get; }

    public RestImportOptions Options { get; }

    public List<string> Warnings { get; }

    public Dictionary<string, RestModel> Models { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RestRequestValidator> Validators { get; } = new(StringComparer.Ordinal);

    public string? DefaultValidator { get; }

    public JsonArray? DefaultSecurity { get; }

    /// <summary>Schemes with an <c>x-amazon-apigateway-authorizer</c>, by scheme name.</summary>
    public Dictionary<string, (RestAuthorizer Authorizer, string AuthorizationType)> Authorizers { get; } = new(StringComparer.Ordinal);

    /// <summary>Schemes that ask for the <c>x-api-key</c> header: a method naming one requires an API key.</summary>
    public HashSet<string> ApiKeySchemes { get; } = new(StringComparer.Ordinal);

    /// <summary>Schemes of <c>x-amazon-apigateway-authtype: awsSigv4</c>: AWS_IAM.</summary>
    public HashSet<string> IamSchemes { get; } = new(StringComparer.Ordinal);

    /// <summary>A <c>$ref</c> to <c>#/...</c> in the same document followed, or the node itself.</summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        for (var hops = 0; hops < 16 && node is JsonObject obj && Text(obj["$ref"]) is { } reference; hops++)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                Warnings.Add($"Reference {reference} is outside the document and was not followed");
                return null;
            }

            node = Document;
            foreach (var part in reference[2..].Split('/'))
            {
                node = node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }
        }

        return node;
    }

    /// <summary>The model a schema names, creating one for an inline schema under <paramref name="suggestedName"/>.</summary>
    public string? ModelFor(JsonNode? schema, string suggestedName)
    {
        if (schema is null)
        {
            return null;
        }

        if (Text(schema["$ref"]) is { } reference)
        {
            if (RestModelSchemas.ModelName(reference) is { } name && Models.ContainsKey(name))
            {
                return name;
            }

            Warnings.Add($"Schema reference {reference} names no model and was ignored");
            return null;
        }

        var modelName = suggestedName;
        for (var n = 2; Models.ContainsKey(modelName); n++)
        {
            modelName = suggestedName + n;
        }

        Models[modelName] = new RestModel { Id = Options.NewId(), Name = modelName, ContentType = "application/json", Schema = RestModelSchemas.ToModel(schema) };
        return modelName;
    }

    private void ReadScheme(string name, JsonObject scheme)
    {
        var authType = Text(scheme[OpenApiExtensions.AuthType]);
        if (scheme[OpenApiExtensions.Authorizer] is JsonObject extension)
        {
            var type = Text(extension["type"])?.ToUpperInvariant() ?? "TOKEN";
            var identitySource = Text(extension["identitySource"])
                ?? (type == "TOKEN" && Text(scheme["name"]) is { } header ? $"method.request.header.{header}" : null);
            Authorizers[name] = (new RestAuthorizer
            {
                Id = Options.NewId(),
                Name = name,
                Type = type,
                AuthType = authType ?? (type == "COGNITO_USER_POOLS" ? "cognito_user_pools" : "custom"),
                AuthorizerUri = Text(extension["authorizerUri"]),
                AuthorizerCredentials = Text(extension["authorizerCredentials"]),
                IdentitySource = identitySource,
                IdentityValidationExpression = Text(extension["identityValidationExpression"]),
                AuthorizerResultTtlInSeconds = Int(extension["authorizerResultTtlInSeconds"]),
                ProviderARNs = Strings(extension["providerARNs"]),
            }, type == "COGNITO_USER_POOLS" ? "COGNITO_USER_POOLS" : "CUSTOM");
        }
        else if (string.Equals(authType, "awsSigv4", StringComparison.OrdinalIgnoreCase))
        {
            IamSchemes.Add(name);
        }
        else if (Text(scheme["type"]) == "apiKey" && string.Equals(Text(scheme["name"]), "x-api-key", StringComparison.OrdinalIgnoreCase))
        {
            ApiKeySchemes.Add(name);
        }
        else
        {
            Warnings.Add($"Security scheme {name} is neither an API key (x-api-key), an {OpenApiExtensions.Authorizer} nor awsSigv4 and was not imported");
        }
    }
}
