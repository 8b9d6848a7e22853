using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansGateway.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace OrleansGateway.OpenApi;

/// <summary>
/// OpenAPI documents as JSON or YAML text, both read into one <see cref="JsonObject"/> model.
/// YAML scalars arrive as strings (<c>payloadFormatVersion: 2.0</c> stays "2.0"); the readers in
/// the importers accept a value as a string, a number or a boolean alike.
/// </summary>
public static class OpenApiText
{
    /// <summary>Deepest nesting of a definition: System.Text.Json's default, so JSON and YAML agree.</summary>
    private const int MaxDepth = 64;

    public static JsonObject Parse(string body)
    {
        try
        {
            var node = body.TrimStart().StartsWith('{')
                ? JsonNode.Parse(body)
                : FromYaml(new DeserializerBuilder().Build().Deserialize<object?>(CheckYamlDepth(body)), new NodeBudget());
            return node as JsonObject ?? throw ApiGatewayException.BadRequest("The OpenAPI definition must be an object");
        }
        catch (Exception e) when (e is JsonException or YamlException or ArgumentException)
        {
            throw ApiGatewayException.BadRequest($"Unable to parse the OpenAPI definition: {e.Message}");
        }
    }

    /// <summary>
    /// YAML is deserialized recursively, so a deeply nested document would overflow the stack:
    /// it is first walked as a flat stream of events and refused beyond JSON's default depth.
    /// </summary>
    private static string CheckYamlDepth(string body)
    {
        var parser = new Parser(new StringReader(body));
        var depth = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is MappingStart or SequenceStart && ++depth > MaxDepth)
            {
                throw ApiGatewayException.BadRequest($"Unable to parse the OpenAPI definition: it is nested more than {MaxDepth} levels deep");
            }

            if (parser.Current is MappingEnd or SequenceEnd)
            {
                depth--;
            }
        }

        return body;
    }

    public static string Write(JsonObject document, bool yaml) => yaml
        ? new SerializerBuilder().WithQuotingNecessaryStrings().Build().Serialize(ToPlain(document))
        : document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>A member's text whatever its JSON type; null when absent.</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    public static int? Int(JsonNode? node) =>
        Text(node) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool? Bool(JsonNode? node) => Text(node) is { } text && bool.TryParse(text, out var value) ? value : null;

    public static List<string>? Strings(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(Text).OfType<string>()],
        JsonValue => Text(node) is { } text ? [text] : null,
        _ => null,
    };

    /// <summary>
    /// YAML to JSON nodes. Aliases share one object in YAML but are copied here, so a few nested
    /// anchors could expand exponentially: the budget caps the nodes one definition may produce.
    /// Keys that become the same text (<c>~</c> and <c>""</c>) are an ArgumentException, a bad request.
    /// </summary>
    private static JsonNode? FromYaml(object? value, NodeBudget budget)
    {
        budget.Spend();
        return value switch
        {
            null => null,
            IDictionary<object, object?> map => new JsonObject(map.Select(e => KeyValuePair.Create(Convert.ToString(e.Key, CultureInfo.InvariantCulture)!, FromYaml(e.Value, budget)))),
            IList<object?> list => new JsonArray([.. list.Select(item => FromYaml(item, budget))]),
            _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
        };
    }

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => Number(value.ToJsonString()),
            _ => null,
        },
        _ => null,
    };

    private static object Number(string raw) =>
        long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? whole : double.Parse(raw, CultureInfo.InvariantCulture);
}
