using System.Text.Json.Nodes;

namespace OrleansGateway.Validation;

/// <summary>
/// Rewrites a JSON Schema draft 4 document (what API Gateway models are) into the draft 6 form
/// the schema library evaluates, keeping draft 4's meaning: boolean <c>exclusiveMaximum</c> /
/// <c>exclusiveMinimum</c> become numeric bounds, <c>id</c> becomes <c>$id</c>, and keywords draft 4
/// never had (<c>const</c>, <c>contains</c>, <c>propertyNames</c>) are dropped because draft 4
/// validators ignore them.
/// </summary>
public static class Draft4SchemaTranslator
{
    private static readonly string[] SchemaValued = ["additionalItems", "additionalProperties", "not", "items"];
    private static readonly string[] SchemaMaps = ["properties", "patternProperties", "definitions", "dependencies"];
    private static readonly string[] SchemaArrays = ["allOf", "anyOf", "oneOf", "items"];
    private static readonly string[] NotInDraft4 = ["const", "contains", "propertyNames"];

    public static JsonNode Translate(JsonNode schema)
    {
        var copy = schema.DeepClone();
        Rewrite(copy);
        return copy;
    }

    private static void Rewrite(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        schema.Remove("$schema");
        if (schema["id"] is JsonValue id && id.TryGetValue<string>(out _) && !schema.ContainsKey("$id"))
        {
            // The identifier goes first: it sets the base URI the rest of the object resolves against.
            var rest = schema.Where(p => p.Key != "id").ToList();
            schema.Clear();
            schema["$id"] = id;
            foreach (var (key, value) in rest)
            {
                schema[key] = value;
            }
        }

        RewriteExclusiveBound(schema, "exclusiveMaximum", "maximum");
        RewriteExclusiveBound(schema, "exclusiveMinimum", "minimum");
        foreach (var keyword in NotInDraft4)
        {
            schema.Remove(keyword);
        }

        foreach (var keyword in SchemaValued)
        {
            Rewrite(schema[keyword]);
        }

        foreach (var keyword in SchemaMaps)
        {
            if (schema[keyword] is JsonObject map)
            {
                foreach (var (_, value) in map)
                {
                    Rewrite(value);
                }
            }
        }

        foreach (var keyword in SchemaArrays)
        {
            if (schema[keyword] is JsonArray array)
            {
                foreach (var item in array)
                {
                    Rewrite(item);
                }
            }
        }
    }

    private static void RewriteExclusiveBound(JsonObject schema, string exclusiveKeyword, string boundKeyword)
    {
        if (schema[exclusiveKeyword] is not JsonValue flag || !flag.TryGetValue<bool>(out var exclusive))
        {
            return;
        }

        schema.Remove(exclusiveKeyword);
        if (exclusive && schema[boundKeyword] is JsonValue bound)
        {
            schema.Remove(boundKeyword);
            schema[exclusiveKeyword] = bound;
        }
    }
}
