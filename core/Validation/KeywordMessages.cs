using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansGateway.Validation;

/// <summary>
/// The draft 4 message for one failed keyword, worked out from the (translated) schema and the
/// instance value; combinators and <c>additionalProperties</c> are worked out by the collector.
/// </summary>
internal static class KeywordMessages
{
    public static IEnumerable<string>? For(string keyword, JsonObject schema, JsonNode? value)
    {
        var bound = schema[keyword];
        var text = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : string.Empty;
        return keyword switch
        {
            "required" => [Draft4ErrorMessages.Required(MissingRequired(bound, value))],
            "type" => [Draft4ErrorMessages.Type(value, TypeNames(bound))],
            "enum" => [Draft4ErrorMessages.Enum(value, bound)],
            "minItems" => [Draft4ErrorMessages.MinItems(bound, (value as JsonArray)?.Count ?? 0)],
            "maxItems" => [Draft4ErrorMessages.MaxItems(bound, (value as JsonArray)?.Count ?? 0)],
            "additionalItems" => [Draft4ErrorMessages.AdditionalItems(
                (schema["items"] as JsonArray)?.Count ?? 0, (value as JsonArray)?.Count ?? 0)],
            "uniqueItems" => [Draft4ErrorMessages.UniqueItems()],
            "minimum" => [Draft4ErrorMessages.Minimum(bound, value)],
            "maximum" => [Draft4ErrorMessages.Maximum(bound, value)],
            "exclusiveMinimum" => [Draft4ErrorMessages.ExclusiveMinimum(bound)],
            "exclusiveMaximum" => [Draft4ErrorMessages.ExclusiveMaximum(bound)],
            "minLength" => [Draft4ErrorMessages.MinLength(text, bound)],
            "maxLength" => [Draft4ErrorMessages.MaxLength(text, bound)],
            "pattern" => [Draft4ErrorMessages.Pattern(bound, text)],
            "multipleOf" => [Draft4ErrorMessages.MultipleOf(value, bound)],
            "minProperties" => [Draft4ErrorMessages.MinProperties((value as JsonObject)?.Count ?? 0, bound)],
            "maxProperties" => [Draft4ErrorMessages.MaxProperties((value as JsonObject)?.Count ?? 0, bound)],
            "dependencies" => DependencyMessages(bound as JsonObject, value as JsonObject),
            "not" => [Draft4ErrorMessages.Not()],
            _ => null,
        };
    }

    private static IEnumerable<string> MissingRequired(JsonNode? required, JsonNode? value) =>
        (required as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? string.Empty)
            .Where(name => value is not JsonObject obj || !obj.ContainsKey(name));

    private static IEnumerable<string> TypeNames(JsonNode? type) => type switch
    {
        JsonArray names => names.Select(n => n?.GetValue<string>() ?? string.Empty),
        JsonValue name => [name.GetValue<string>()],
        _ => [],
    };

    private static List<string> DependencyMessages(JsonObject? dependencies, JsonObject? value)
    {
        var messages = new List<string>();
        foreach (var (property, needs) in dependencies ?? [])
        {
            if (value is null || !value.ContainsKey(property) || needs is not JsonArray names)
            {
                continue;
            }

            var required = names.Select(n => n?.GetValue<string>() ?? string.Empty).ToList();
            var missing = required.Where(name => !value.ContainsKey(name)).ToList();
            if (missing.Count > 0)
            {
                messages.Add(Draft4ErrorMessages.Dependencies(property, required, missing));
            }
        }

        return messages;
    }
}
