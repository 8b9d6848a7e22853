using System.Text.Json.Nodes;
using Json.Schema;

namespace OrleansGateway.Validation;

/// <summary>
/// Turns the schema library's hierarchical results into draft 4 validator messages, in the order
/// and depth that validator reports them: the keywords of one instance location in name order,
/// and children only when their container passed (it does not "deep check" by default).
/// </summary>
/// <remarks>
/// The subschema behind each result is found by walking the evaluation path from its parent,
/// because the library's reported schema locations are unreliable below <c>items</c>; only
/// <c>$ref</c> targets are looked up by location.
/// </remarks>
internal sealed class SchemaErrorCollector(ApiModelSchemas models, JsonNode rootSchema, JsonNode? instance)
{
    private static readonly string[] Combinators = ["allOf", "anyOf", "oneOf", "not"];

    public List<string> Collect(EvaluationResults root)
    {
        var messages = new List<string>();
        Visit(root, rootSchema, messages);
        return messages;
    }

    private void Visit(EvaluationResults node, JsonNode? schema, List<string> messages)
    {
        var own = new List<(string Keyword, string Message)>();
        var deeper = new List<(EvaluationResults Node, JsonNode? Schema)>();
        Gather(node, schema as JsonObject ?? [], own, deeper);
        if (own.Count > 0)
        {
            messages.AddRange(own.OrderBy(e => e.Keyword, StringComparer.Ordinal).Select(e => e.Message));
            return;
        }

        foreach (var (child, childSchema) in deeper.OrderBy(c => c.Node.InstanceLocation.ToString(), InstancePathComparer.Instance))
        {
            Visit(child, childSchema, messages);
        }
    }

    private void Gather(
        EvaluationResults node, JsonObject schema, List<(string, string)> own, List<(EvaluationResults, JsonNode?)> deeper)
    {
        if (node.IsValid)
        {
            return;
        }

        var value = JsonPointerWalk.Resolve(instance, node.InstanceLocation.ToString());
        foreach (var keyword in node.Errors?.Keys ?? Enumerable.Empty<string>())
        {
            if (KeywordMessages.For(keyword, schema, value) is { } messages)
            {
                own.AddRange(messages.Select(m => (keyword, m)));
            }
        }

        var failedBranches = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var extraProperties = new List<string>();
        var negationMatched = false;
        var nodePath = node.EvaluationPath.ToString();
        foreach (var child in node.Details ?? [])
        {
            var segments = child.EvaluationPath.ToString()[nodePath.Length..]
                .Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Select(JsonPointerWalk.Unescape)
                .ToArray();
            var keyword = segments.Length > 0 ? segments[0] : string.Empty;
            if (keyword == "not" && child.IsValid)
            {
                negationMatched = true;
            }

            if (child.IsValid)
            {
                continue;
            }

            if (Combinators.Contains(keyword))
            {
                failedBranches.TryAdd(keyword, new HashSet<string>(StringComparer.Ordinal));
                failedBranches[keyword].Add(segments.Length > 1 ? segments[1] : string.Empty);
            }
            else if (keyword == "additionalProperties" && schema["additionalProperties"] is JsonValue)
            {
                extraProperties.Add(LastSegment(child.InstanceLocation.ToString()));
            }
            else
            {
                var childSchema = keyword == "$ref" ? ReferencedSchema(child.SchemaLocation) : Walk(schema, segments);
                if (child.InstanceLocation.ToString() == node.InstanceLocation.ToString())
                {
                    Gather(child, childSchema as JsonObject ?? [], own, deeper);
                }
                else
                {
                    deeper.Add((child, childSchema));
                }
            }
        }

        if (extraProperties.Count > 0)
        {
            own.Add(("additionalProperties", Draft4ErrorMessages.AdditionalProperties(extraProperties)));
        }

        if (negationMatched && node.Errors?.ContainsKey("not") != true)
        {
            own.Add(("not", Draft4ErrorMessages.Not()));
        }

        AddCombinatorMessages(schema, failedBranches, own);
    }

    private static void AddCombinatorMessages(
        JsonObject schema, Dictionary<string, HashSet<string>> failedBranches, List<(string, string)> own)
    {
        foreach (var keyword in (string[])["allOf", "anyOf", "oneOf"])
        {
            if (schema[keyword] is not JsonArray branches)
            {
                continue;
            }

            var failed = failedBranches.GetValueOrDefault(keyword)?.Count ?? 0;
            var matched = branches.Count - failed;
            var message = keyword switch
            {
                "allOf" when failed > 0 => Draft4ErrorMessages.AllOf(matched, branches.Count),
                "anyOf" when matched == 0 => Draft4ErrorMessages.AnyOf(branches.Count),
                "oneOf" when matched != 1 => Draft4ErrorMessages.OneOf(matched, branches.Count),
                _ => null,
            };
            if (message is not null)
            {
                own.Add((keyword, message));
            }
        }
    }

    /// <summary>
    /// Follows keyword segments (<c>properties/name</c>, <c>items</c>, <c>items/0</c>, ...) from a
    /// schema to the subschema they name.
    /// </summary>
    private static JsonNode? Walk(JsonNode? schema, string[] segments)
    {
        var current = schema;
        for (var i = 0; i < segments.Length && current is not null; i++)
        {
            current = current switch
            {
                JsonObject obj => obj[segments[i]],
                JsonArray array when int.TryParse(segments[i], out var index) && index < array.Count => array[index],
                _ => null,
            };

            // "items" with a single schema applies to every index; the path does not name one.
            if (segments[i] == "items" && current is JsonObject && i + 1 < segments.Length && int.TryParse(segments[i + 1], out _))
            {
                i++;
            }
        }

        return current;
    }

    private JsonNode? ReferencedSchema(Uri location)
    {
        // Pointers are relative to the physical document: another model's, or the one being validated.
        var document = models.Document(location) ?? rootSchema;
        return JsonPointerWalk.Resolve(document, Uri.UnescapeDataString(location.Fragment.TrimStart('#')));
    }

    private static string LastSegment(string pointer) =>
        JsonPointerWalk.Unescape(pointer[(pointer.LastIndexOf('/') + 1)..]);
}
