using System.Text.Json.Nodes;
using OrleansGateway.RestApis;
using static OrleansGateway.OpenApi.OpenApiText;

namespace OrleansGateway.OpenApi.RestApis;

/// <summary>
/// <c>x-amazon-apigateway-integration</c> of a REST method, both ways. Its <c>responses</c> are keyed
/// by selection pattern (<c>default</c> for none); the integration responses are keyed by status code.
/// </summary>
public static class RestIntegrationExtension
{
    /// <summary>AWS's default and ceiling for a REST integration's timeout.</summary>
    public const int DefaultTimeoutInMillis = 29000;

    private static readonly HashSet<string> Known =
    [
        "type", "uri", "httpMethod", "credentials", "requestParameters", "requestTemplates", "responses",
        "passthroughBehavior", "timeoutInMillis", "cacheKeyParameters", "cacheNamespace", "contentHandling",
        "connectionType", "connectionId", "tlsConfig",
    ];

    private static readonly HashSet<string> KnownResponse = ["statusCode", "responseParameters", "responseTemplates", "contentHandling"];

    public static RestIntegration Read(JsonObject extension, string where, List<string> warnings)
    {
        foreach (var (name, _) in extension.Where(p => !Known.Contains(p.Key)))
        {
            warnings.Add($"{where}: {OpenApiExtensions.Integration} member {name} is not supported and was ignored");
        }

        // PutIntegration refuses VPC_LINK (no VPC behind this gateway); an import says so and calls the URI directly.
        var connectionType = Text(extension["connectionType"]);
        if (connectionType == "VPC_LINK")
        {
            warnings.Add($"{where}: {OpenApiExtensions.Integration} connectionType VPC_LINK is not supported and was ignored");
            connectionType = null;
        }

        var responses = new Dictionary<string, RestIntegrationResponse>(StringComparer.Ordinal);
        foreach (var (pattern, node) in extension["responses"] as JsonObject ?? [])
        {
            if (node is not JsonObject response || Text(response["statusCode"]) is not { } statusCode)
            {
                warnings.Add($"{where}: integration response {pattern} has no statusCode and was ignored");
                continue;
            }

            foreach (var (name, _) in response.Where(p => !KnownResponse.Contains(p.Key)))
            {
                warnings.Add($"{where}: integration response {pattern} member {name} is not supported and was ignored");
            }

            responses[statusCode] = new RestIntegrationResponse
            {
                StatusCode = statusCode,
                SelectionPattern = pattern == "default" ? null : pattern,
                ResponseParameters = Map(response["responseParameters"]),
                ResponseTemplates = Map(response["responseTemplates"]),
                ContentHandling = Text(response["contentHandling"]),
            };
        }

        return new RestIntegration
        {
            Type = Text(extension["type"])?.ToUpperInvariant() ?? "HTTP",
            Uri = Text(extension["uri"]),
            HttpMethod = Text(extension["httpMethod"])?.ToUpperInvariant(),
            Credentials = Text(extension["credentials"]),
            RequestParameters = Map(extension["requestParameters"]),
            RequestTemplates = Map(extension["requestTemplates"]),
            PassthroughBehavior = Text(extension["passthroughBehavior"])?.ToUpperInvariant(),
            TimeoutInMillis = Int(extension["timeoutInMillis"]) ?? DefaultTimeoutInMillis,
            CacheKeyParameters = Strings(extension["cacheKeyParameters"]),
            CacheNamespace = Text(extension["cacheNamespace"]),
            ContentHandling = Text(extension["contentHandling"]),
            ConnectionType = connectionType,
            ConnectionId = connectionType is null ? null : Text(extension["connectionId"]),
            TlsConfig = extension["tlsConfig"] is JsonObject tls
                ? new RestTlsConfig { InsecureSkipVerification = Bool(tls["insecureSkipVerification"]) ?? false }
                : null,
            IntegrationResponses = responses.Count > 0 ? responses : null,
        };
    }

    public static JsonObject Write(RestIntegration integration)
    {
        var extension = new JsonObject { ["type"] = integration.Type.ToLowerInvariant() };
        Add(extension, "httpMethod", integration.HttpMethod);
        Add(extension, "uri", integration.Uri);
        Add(extension, "credentials", integration.Credentials);
        if (integration.IntegrationResponses is { Count: > 0 } responses)
        {
            extension["responses"] = new JsonObject(responses.Values
                .OrderBy(r => r.SelectionPattern is null ? 1 : 0).ThenBy(r => r.SelectionPattern, StringComparer.Ordinal)
                .Select(r => KeyValuePair.Create(r.SelectionPattern ?? "default", (JsonNode?)Response(r))));
        }

        AddMap(extension, "requestParameters", integration.RequestParameters);
        AddMap(extension, "requestTemplates", integration.RequestTemplates);
        Add(extension, "passthroughBehavior", integration.PassthroughBehavior?.ToLowerInvariant());
        Add(extension, "connectionType", integration.ConnectionType);
        Add(extension, "connectionId", integration.ConnectionId);
        if (integration.TimeoutInMillis is > 0 and not DefaultTimeoutInMillis)
        {
            extension["timeoutInMillis"] = integration.TimeoutInMillis;
        }

        Add(extension, "cacheNamespace", integration.CacheNamespace);
        if (integration.CacheKeyParameters is { Count: > 0 } keys)
        {
            extension["cacheKeyParameters"] = new JsonArray([.. keys.Select(k => (JsonNode)k)]);
        }

        Add(extension, "contentHandling", integration.ContentHandling);
        if (integration.TlsConfig is { } tls)
        {
            extension["tlsConfig"] = new JsonObject { ["insecureSkipVerification"] = tls.InsecureSkipVerification };
        }

        return extension;
    }

    private static JsonObject Response(RestIntegrationResponse response)
    {
        var written = new JsonObject { ["statusCode"] = response.StatusCode };
        AddMap(written, "responseParameters", response.ResponseParameters);
        AddMap(written, "responseTemplates", response.ResponseTemplates);
        Add(written, "contentHandling", response.ContentHandling);
        return written;
    }

    /// <summary>A map of strings; an empty one reads as absent, as AWS stores it.</summary>
    internal static Dictionary<string, string>? Map(JsonNode? node) =>
        node is JsonObject map && map.Count > 0
            ? map.Where(p => Text(p.Value) is not null).ToDictionary(p => p.Key, p => Text(p.Value)!, StringComparer.Ordinal)
            : null;

    internal static void Add(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    internal static void AddMap(JsonObject target, string name, Dictionary<string, string>? map)
    {
        if (map is { Count: > 0 })
        {
            target[name] = new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        }
    }
}
