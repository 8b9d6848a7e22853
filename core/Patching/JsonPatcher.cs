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

    public static T Apply<T>(T value, IEnumerable<PatchOperation> operations, IReadOnlyList<PatchRule> rules)
    {
        var root = JsonSerializer.SerializeToNode(value, Options)!.AsObject();
        foreach (var operation in operations)
        {
            Check(operation, rules);
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

    /// <summary>Throws AWS's error when the rules take neither the path nor the op there.</summary>
    public static void Check(PatchOperation operation, IReadOnlyList<PatchRule> rules)
    {
        var path = operation.Path ?? string.Empty;
        var rule = rules.FirstOrDefault(r => r.Matches(path));
        if (rule is null)
        {
            throw PatchErrors.InvalidPathForOp(operation.Path, operation.Op, rules.Where(r => r.Ops.Contains(operation.Op)).Select(r => r.Path));
        }

        if (!rule.Ops.Contains(operation.Op))
        {
            throw PatchErrors.UnsupportedOp(operation.Path, operation.Op);
        }
    }

    private static void Apply(JsonObject root, PatchOperation operation)
    {
        var segments = PatchPath.Segments(operation.Path ?? string.Empty);
        if (segments.Length == 0)
        {
            throw PatchErrors.InvalidPath(operation.Path);
        }

        var parent = root;
        foreach (var segment in segments[..^1])
        {
            if (parent[segment] is JsonObject child)
            {
                parent = child;
            }
            else if (operation.Op == "remove")
            {
                return;
            }
            else
            {
                parent[segment] = child = [];
                parent = child;
            }
        }

        var leaf = segments[^1];
        if (operation.Op == "remove")
        {
            parent.Remove(leaf);
            return;
        }

        parent[leaf] = operation.Value is null ? null : ValueLike(parent[leaf], operation.Value);
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
