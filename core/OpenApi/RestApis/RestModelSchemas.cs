using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansGateway.OpenApi.RestApis;

/// <summary>
/// Model schemas between an OpenAPI document and a REST API. In the document models refer to each
/// other as <c>#/components/schemas/X</c> (Swagger: <c>#/definitions/X</c>); a stored model refers
/// by a URI relative to its own (<c>X</c>), which resolves to API Gateway's
/// <c>https://apigateway.amazonaws.com/restapis/{id}/models/X</c> whatever the API's ID.
/// </summary>
public static class RestModelSchemas
{
    private const string ModelsPrefix = "https://apigateway.amazonaws.com/restapis/";
    private static readonly string[] DocumentPrefixes = ["#/components/schemas/", "#/definitions/"];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The model name a document's <c>$ref</c> names, or null when it names no model.</summary>
    public static string? ModelName(string reference) =>
        DocumentPrefixes.FirstOrDefault(p => reference.StartsWith(p, StringComparison.Ordinal)) is { } prefix
            ? Uri.UnescapeDataString(reference[prefix.Length..])
            : null;

    /// <summary>A document's schema as a stored model's schema text.</summary>
    public static string ToModel(JsonNode schema)
    {
        var copy = schema.DeepClone();
        Rewrite(copy, reference => ModelName(reference) is { } name ? Uri.EscapeDataString(name) : reference);
        if (copy is JsonObject root && !root.ContainsKey("$schema"))
        {
            var ordered = new JsonObject { ["$schema"] = "http://json-schema.org/draft-04/schema#" };
            foreach (var (key, value) in root.ToList())
            {
                root.Remove(key);
                ordered[key] = value;
            }

            copy = ordered;
        }

        return copy.ToJsonString(Indented);
    }

    /// <summary>A stored model's schema as a document's, its references pointing into <paramref name="schemasPointer"/>.</summary>
    public static JsonNode ToDocument(string? schema, string schemasPointer)
    {
        JsonNode? parsed;
        try
        {
            parsed = string.IsNullOrWhiteSpace(schema) ? null : JsonNode.Parse(schema);
        }
        catch (JsonException)
        {
            parsed = null;
        }

        var document = parsed ?? new JsonObject { ["type"] = "object" };
        if (document is JsonObject root)
        {
            root.Remove("$schema");
        }

        Rewrite(document, reference => schemasPointer + ModelOf(reference));
        return document;
    }

    private static string ModelOf(string reference)
    {
        var name = reference.StartsWith(ModelsPrefix, StringComparison.Ordinal) && reference.IndexOf("/models/", StringComparison.Ordinal) is var at and > 0
            ? reference[(at + "/models/".Length)..]
            : ModelName(reference) ?? reference;
        return Uri.UnescapeDataString(name);
    }

    private static void Rewrite(JsonNode? node, Func<string, string> map)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "$ref" && value is JsonValue reference && reference.TryGetValue<string>(out var text))
                    {
                        obj[key] = map(text);
                    }
                    else
                    {
                        Rewrite(value, map);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Rewrite(item, map);
                }

                break;
        }
    }
}
