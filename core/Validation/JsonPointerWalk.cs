using System.Text.Json.Nodes;

namespace OrleansGateway.Validation;

/// <summary>Resolves an RFC 6901 pointer inside a <see cref="JsonNode"/> tree.</summary>
internal static class JsonPointerWalk
{
    public static JsonNode? Resolve(JsonNode? root, string pointer)
    {
        var current = root;
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Unescape(raw);
            current = current switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
        }

        return current;
    }

    public static string Unescape(string segment) =>
        segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
