using System.Text;
using System.Text.Json.Nodes;
using OrleansGateway.Errors;
using OrleansGateway.RestApis;
using static OrleansGateway.OpenApi.OpenApiText;

namespace OrleansGateway.OpenApi.RestApis;

/// <summary>
/// <c>paths</c> as a REST API's resources: every path and each of its prefixes is a resource,
/// each operation a method with its request parameters, request models, method responses,
/// authorization, request validator and integration.
/// </summary>
internal static class RestOpenApiPaths
{
    private static readonly string[] Verbs = ["get", "put", "post", "delete", "options", "head", "patch", OpenApiExtensions.AnyMethod];

    private static readonly HashSet<string> KnownOperationMembers =
    [
        "get", "put", "post", "delete", "options", "head", "patch", "trace", "parameters", "summary", "description", "servers", "$ref",
        OpenApiExtensions.AnyMethod,
    ];

    public static List<RestResource> Read(RestImportContext context)
    {
        var resources = new Dictionary<string, RestResource>(StringComparer.Ordinal);
        var basePath = BasePath(context);
        foreach (var (documentPath, node) in context.Document["paths"] as JsonObject ?? [])
        {
            if (context.Resolve(node) is not JsonObject item)
            {
                context.Warnings.Add($"Path {documentPath} is not an object and was ignored");
                continue;
            }

            var path = Normalize(context.Options.BasePath switch
            {
                "prepend" => basePath + documentPath,
                "split" => string.Concat(basePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(segment => "/" + segment)) + documentPath,
                _ => documentPath,
            });
            if (path.Split('/', StringSplitOptions.RemoveEmptyEntries).Any(segment => !ValidSegment(segment)))
            {
                throw ApiGatewayException.BadRequest($"Invalid OpenAPI input: resource path {documentPath} has an invalid path part");
            }

            foreach (var (name, _) in item.Where(p => !KnownOperationMembers.Contains(p.Key)))
            {
                context.Warnings.Add($"Path {documentPath}: {name} is not supported and was ignored");
            }

            var methods = new Dictionary<string, RestMethod>(StringComparer.Ordinal);
            foreach (var verb in Verbs)
            {
                if (item[verb] is JsonObject operation)
                {
                    var httpMethod = verb == OpenApiExtensions.AnyMethod ? "ANY" : verb.ToUpperInvariant();
                    methods[httpMethod] = RestOpenApiOperations.Read(context, path, httpMethod, operation, item["parameters"] as JsonArray);
                }
            }

            if (item["trace"] is not null)
            {
                context.Warnings.Add($"Path {documentPath}: TRACE is not a method API Gateway supports and was ignored");
            }

            AddWithParents(resources, path);
            resources[path] = resources[path] with { ResourceMethods = methods.Count > 0 ? methods : null };
        }

        return [.. resources.Values.Where(r => r.Path != "/" || r.ResourceMethods is not null).OrderBy(r => r.Path, StringComparer.Ordinal)];
    }

    private static void AddWithParents(Dictionary<string, RestResource> resources, string path)
    {
        var current = string.Empty;
        if (!resources.ContainsKey("/"))
        {
            resources["/"] = new RestResource { Id = string.Empty, Path = "/" };
        }

        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current += "/" + segment;
            if (!resources.ContainsKey(current))
            {
                resources[current] = new RestResource { Id = string.Empty, Path = current, PathPart = segment };
            }
        }
    }

    /// <summary>A path part as CreateResource takes it: letters, digits, <c>-._~:@!$&amp;'()*+,;=</c>, or a <c>{name}</c> / <c>{name+}</c> parameter.</summary>
    private static bool ValidSegment(string segment) =>
        segment.StartsWith('{')
            ? segment.EndsWith('}') && segment.Length > 2 && segment[1..^1].TrimEnd('+').All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
            : segment.All(c => char.IsAsciiLetterOrDigit(c) || "-._~:@!$&'()*+,;=%".Contains(c, StringComparison.Ordinal));

    private static string Normalize(string path)
    {
        var builder = new StringBuilder();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append('/').Append(segment);
        }

        return builder.Length == 0 ? "/" : builder.ToString();
    }

    /// <summary>Swagger's <c>basePath</c>, or the path of OpenAPI 3's first server URL (its <c>{basePath}</c> variable's default).</summary>
    private static string BasePath(RestImportContext context)
    {
        if (context.Swagger)
        {
            return Text(context.Document["basePath"]) ?? string.Empty;
        }

        if (context.Document["servers"] is not JsonArray { Count: > 0 } servers || Text(servers[0]?["url"]) is not { } url)
        {
            return string.Empty;
        }

        foreach (var (name, variable) in servers[0]?["variables"] as JsonObject ?? [])
        {
            url = url.Replace("{" + name + "}", Text(variable?["default"]) ?? string.Empty, StringComparison.Ordinal);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : url;
    }
}
