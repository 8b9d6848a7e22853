using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using OrleansGateway.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace OrleansGateway.OpenApi;

/// <summary>
/// OpenAPI documents as JSON or YAML text, both read into one <see cref="JsonObject"/> model.
/// YAML's plain scalars are typed as YAML 1.2's core schema types them (numbers keep their text:
/// <c>payloadFormatVersion: 2.0</c> reads "2.0"), so model schemas keep their numbers and booleans;
/// the readers accept a value as a string, a number or a boolean alike.
/// </summary>
public static partial class OpenApiText
{
    /// <summary>Deepest nesting of a definition: System.Text.Json's default, so JSON and YAML agree.</summary>
    private const int MaxDepth = 64;

    public static JsonObject Parse(string body)
    {
        try
        {
            var node = body.TrimStart().StartsWith('{')
                ? JsonNode.Parse(body)
                : FromYaml(LoadYaml(CheckYamlDepth(body)), new NodeBudget());
            return node as JsonObject ?? throw ApiGatewayException.BadRequest("The OpenAPI definition must be an object");
        }
        catch (Exception e) when (e is JsonException or YamlException or ArgumentException)
        {
            throw ApiGatewayException.BadRequest($"Unable to parse the OpenAPI definition: {e.Message}");
        }
    }

    /// <summary>
    /// Parses <paramref name="body"/> and reads it with <paramref name="read"/>; a definition of the
    /// wrong shape (an array where an object belongs, ...) is the caller's error, a bad request.
    /// </summary>
    public static T Read<T>(string body, Func<JsonObject, T> read)
    {
        var document = Parse(body);
        try
        {
            return read(document);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or InvalidCastException)
        {
            throw ApiGatewayException.BadRequest($"Unable to read the OpenAPI definition: {e.Message}");
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

    private static YamlNode? LoadYaml(string body)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(body));
        return stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
    }

    /// <summary>
    /// YAML to JSON nodes. Aliases share one node in YAML but are copied here, so a few nested
    /// anchors could expand exponentially: the budget caps the nodes one definition may produce.
    /// Keys that become the same text are an ArgumentException, a bad request.
    /// </summary>
    private static JsonNode? FromYaml(YamlNode? node, NodeBudget budget)
    {
        budget.Spend();
        return node switch
        {
            null => null,
            YamlMappingNode map => new JsonObject(map.Children.Select(e => KeyValuePair.Create(
                e.Key is YamlScalarNode key ? key.Value ?? string.Empty : e.Key.ToString(), FromYaml(e.Value, budget)))),
            YamlSequenceNode list => new JsonArray([.. list.Children.Select(item => FromYaml(item, budget))]),
            YamlScalarNode scalar => scalar.Style == ScalarStyle.Plain ? PlainScalar(scalar.Value ?? string.Empty) : JsonValue.Create(scalar.Value),
            _ => null,
        };
    }

    /// <summary>A plain scalar by YAML 1.2's core schema: null, a boolean, a number (its text kept) or a string.</summary>
    private static JsonNode? PlainScalar(string value) => value switch
    {
        "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => JsonValue.Create(true),
        "false" or "False" or "FALSE" => JsonValue.Create(false),
        _ when JsonNumber().IsMatch(value) => JsonNode.Parse(value),
        _ => JsonValue.Create(value),
    };

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex JsonNumber();

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
