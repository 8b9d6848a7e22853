using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansGateway.JsonPath;

internal sealed class JsonNodeTree : IJsonTree<JsonNode?>
{
    public static bool IsObject(JsonNode? node) => node is JsonObject;

    public static bool IsArray(JsonNode? node) => node is JsonArray;

    public static bool TryGetProperty(JsonNode? node, string name, out JsonNode? value)
    {
        value = null;
        return node is JsonObject obj && obj.TryGetPropertyValue(name, out value);
    }

    public static int Length(JsonNode? node) => node is JsonArray array ? array.Count : 0;

    public static JsonNode? Item(JsonNode? node, int index) => ((JsonArray)node!)[index];

    public static IEnumerable<JsonNode?> Children(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(pair => pair.Value),
        JsonArray array => array,
        _ => [],
    };

    public static object? Scalar(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonObject or JsonArray)
        {
            return FilterValue.Structure;
        }

        var value = node.AsValue();
        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.TryGetValue<double>(out var d) ? d : double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }
}
