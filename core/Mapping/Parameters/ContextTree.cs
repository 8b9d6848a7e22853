using System.Collections;
using System.Globalization;

namespace OrleansGateway.Mapping.Parameters;

/// <summary>
/// Reads the <c>$context</c> tree (nested <c>Dictionary&lt;string, object?&gt;</c>) by dotted path
/// and renders its leaves as text the way mappings and gateway responses show them.
/// </summary>
public static class ContextTree
{
    public static object? Find(IDictionary<string, object?>? context, string dottedPath)
    {
        object? current = context;
        foreach (var name in dottedPath.Split('.'))
        {
            current = current switch
            {
                IDictionary<string, object?> map => map.TryGetValue(name, out var next) ? next : null,
                IReadOnlyDictionary<string, object?> map => map.TryGetValue(name, out var next) ? next : null,
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Text of a value: strings as they are, numbers invariant, booleans lower-case.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable sequence and not IDictionary<string, object?> => $"[{string.Join(", ", sequence.Cast<object?>().Select(Format))}]",
        _ => value.ToString(),
    };
}
