using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OrleansGateway.Errors;
using OrleansGateway.RestApis;

namespace OrleansGateway.Patching;

/// <summary>
/// Applies apigateway patch operations (<c>add</c>, <c>replace</c>, <c>remove</c>) to a model record
/// through its JSON form, whose member names are the wire names the paths use. Only the paths and
/// ops of the given rules are taken, with AWS's errors for the others. Values arrive as strings and
/// take the member's type (<c>"true"</c>, <c>"29000"</c>); a missing map or object on the way is created.
/// </summary>
public static class JsonPatcher
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new LenientBooleanConverter() },
    };

    public static T Apply<T>(T value, IEnumerable<PatchOperation> operations, IReadOnlyList<PatchRule> rules, PatchErrorWording wording = PatchErrorWording.PathAndOp)
    {
        var root = JsonSerializer.SerializeToNode(value, Options)!.AsObject();
        foreach (var operation in operations)
        {
            Check(operation, rules, wording);
            Apply(root, operation);
        }

        try
        {
            return root.Deserialize<T>(Options) ?? throw ApiGatewayException.BadRequest("Invalid patch value specified");
        }
        catch (JsonException e)
        {
            throw ApiGatewayException.BadRequest($"Invalid patch value specified: {e.Message}");
        }
    }

    /// <summary>Throws AWS's error, in the resource's <paramref name="wording"/>, when the rules take neither the path nor the op there.</summary>
    public static void Check(PatchOperation operation, IReadOnlyList<PatchRule> rules, PatchErrorWording wording = PatchErrorWording.PathAndOp)
    {
        var path = operation.Path ?? string.Empty;
        var rule = rules.FirstOrDefault(r => r.Matches(path));
        if (rule is null)
        {
            var pathsForOp = rules.Where(r => r.Ops.Contains(operation.Op)).Select(r => r.Path).ToList();
            throw wording switch
            {
                PatchErrorWording.PathAndOp when pathsForOp.Count == 0 => PatchErrors.UnsupportedOp(operation.Path, operation.Op),
                PatchErrorWording.PathAndOp => PatchErrors.InvalidPathForOp(operation.Path, operation.Op, pathsForOp),
                _ => PatchErrors.InvalidPath(operation.Path),
            };
        }

        if (!rule.Ops.Contains(operation.Op))
        {
            throw wording switch
            {
                PatchErrorWording.PathAndOp => PatchErrors.UnsupportedOp(operation.Path, operation.Op),
                PatchErrorWording.BarePathThenOps => PatchErrors.InvalidOperation(rule.Ops),
                _ => PatchErrors.InvalidPath(operation.Path),
            };
        }
    }

    private static void Apply(JsonObject root, PatchOperation operation)
    {
        var segments = PatchPath.Segments(operation.Path ?? string.Empty);
        if (segments.Length == 0)
        {
            throw PatchErrors.InvalidPath(operation.Path);
        }

        JsonNode parent = root;
        foreach (var segment in segments[..^1])
        {
            var child = Child(parent, segment, operation);
            if (child is null)
            {
                if (operation.Op == "remove")
                {
                    return;
                }

                child = new JsonObject();
                SetChild(parent, segment, child, operation);
            }

            parent = child;
        }

        var leaf = segments[^1];
        if (operation.Op == "remove")
        {
            if (parent is JsonObject members)
            {
                members.Remove(leaf);
            }
            else if (parent is JsonArray items && int.TryParse(leaf, out var index) && index >= 0 && index < items.Count)
            {
                items.RemoveAt(index);
            }

            return;
        }

        SetChild(parent, leaf, operation.Value is null ? null : ValueLike(Child(parent, leaf, operation), operation.Value), operation);
    }

    // Members of objects by name, items of lists by index (/endpointConfiguration/types/0).
    private static JsonNode? Child(JsonNode parent, string segment, PatchOperation operation) => parent switch
    {
        JsonObject members => members[segment],
        JsonArray items when int.TryParse(segment, out var index) && index >= 0 => index < items.Count ? items[index] : null,
        _ => throw PatchErrors.InvalidPath(operation.Path),
    };

    private static void SetChild(JsonNode parent, string segment, JsonNode? value, PatchOperation operation)
    {
        switch (parent)
        {
            case JsonObject members:
                members[segment] = value;
                break;
            case JsonArray items when int.TryParse(segment, out var index) && index >= 0 && index <= items.Count:
                if (index == items.Count)
                {
                    items.Add(value);
                }
                else
                {
                    items[index] = value;
                }

                break;
            default:
                throw PatchErrors.InvalidPath(operation.Path);
        }
    }

    // A number or boolean member keeps its JSON kind; anything else takes the string as it is.
    private static JsonNode ValueLike(JsonNode? existing, string value) =>
        existing?.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.False when bool.TryParse(value, out var flag) => JsonValue.Create(flag),
            JsonValueKind.Number when double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => JsonValue.Create(value),
        };
}
