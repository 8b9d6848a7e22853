using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansGateway.Validation;

/// <summary>
/// The messages of the draft 4 validator API Gateway runs (java-json-tools' json-schema-validator),
/// word for word, so <c>$context.error.validationErrorString</c> reads as it does on AWS.
/// </summary>
internal static class Draft4ErrorMessages
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Required(IEnumerable<string> missing) =>
        $"object has missing required properties ({JsonList(missing)})";

    public static string Type(JsonNode? instance, IEnumerable<string> allowed) =>
        $"instance type ({TypeName(instance)}) does not match any allowed primitive type (allowed: {JsonList(allowed)})";

    public static string Enum(JsonNode? instance, JsonNode? values) =>
        $"instance value ({Json(instance)}) not found in enum (possible values: {Json(values)})";

    public static string AdditionalProperties(IEnumerable<string> names) =>
        $"object instance has properties which are not allowed by the schema: {JsonList(names)}";

    public static string AdditionalItems(int allowed, int found) =>
        $"schema only allows {allowed} elements in array but instance has {found} elements";

    public static string MinItems(JsonNode? bound, int found) =>
        $"array is too short: must have at least {Json(bound)} elements but instance has {found} elements";

    public static string MaxItems(JsonNode? bound, int found) =>
        $"array is too long: must have at most {Json(bound)} elements but instance has {found} elements";

    public static string UniqueItems() => "array must not contain duplicate elements";

    public static string Minimum(JsonNode? bound, JsonNode? instance) =>
        $"numeric instance is lower than the required minimum (minimum: {Json(bound)}, found: {Json(instance)})";

    public static string ExclusiveMinimum(JsonNode? bound) =>
        $"numeric instance is not strictly greater than the required minimum {Json(bound)}";

    public static string Maximum(JsonNode? bound, JsonNode? instance) =>
        $"numeric instance is greater than the required maximum (maximum: {Json(bound)}, found: {Json(instance)})";

    public static string ExclusiveMaximum(JsonNode? bound) =>
        $"numeric instance is not strictly lower than the required maximum {Json(bound)}";

    public static string MinLength(string value, JsonNode? bound) =>
        $"string \"{value}\" is too short (length: {CodePoints(value)}, required minimum: {Json(bound)})";

    public static string MaxLength(string value, JsonNode? bound) =>
        $"string \"{value}\" is too long (length: {CodePoints(value)}, maximum allowed: {Json(bound)})";

    public static string Pattern(JsonNode? pattern, string value) =>
        $"ECMA 262 regex \"{pattern?.GetValue<string>()}\" does not match input string \"{value}\"";

    public static string MultipleOf(JsonNode? instance, JsonNode? divisor) =>
        $"remainder of division is not zero ({Json(instance)} / {Json(divisor)})";

    public static string MinProperties(int found, JsonNode? bound) =>
        $"object has too few properties (found {found} but schema requires at least {Json(bound)})";

    public static string MaxProperties(int found, JsonNode? bound) =>
        $"object has too many properties (found {found} but schema requires at most {Json(bound)})";

    public static string Dependencies(string property, IEnumerable<string> required, IEnumerable<string> missing) =>
        $"property \"{property}\" of object has missing property dependencies (schema requires {JsonList(required)}; missing: {JsonList(missing)})";

    public static string AnyOf(int total) => $"instance failed to match at least one required schema among {total}";

    public static string AllOf(int matched, int total) =>
        $"instance failed to match all required schemas (matched only {matched} out of {total})";

    public static string OneOf(int matched, int total) =>
        $"instance failed to match exactly one schema (matched {matched} out of {total})";

    public static string Not() => "instance matched a schema which it should not have";

    /// <summary>Draft 4's primitive type of a value: integers are told apart from other numbers.</summary>
    public static string TypeName(JsonNode? instance) => instance?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => IsIntegral(instance) ? "integer" : "number",
    };

    public static string Json(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    private static string JsonList(IEnumerable<string> values) =>
        JsonSerializer.Serialize(values.Order(StringComparer.Ordinal).ToArray(), Compact);

    private static bool IsIntegral(JsonNode? number)
    {
        var text = Json(number);
        return !text.Contains('.', StringComparison.Ordinal) && !text.Contains('e', StringComparison.OrdinalIgnoreCase);
    }

    private static int CodePoints(string value) => value.EnumerateRunes().Count();
}
