namespace OrleansGateway.Mapping.Parameters;

/// <summary>Lookups over multi-value maps, whatever comparer the caller built them with.</summary>
public static class MultiValue
{
    public static IReadOnlyList<string>? All(
        IReadOnlyDictionary<string, IReadOnlyList<string>> map, string name, bool ignoreCase)
    {
        if (map.TryGetValue(name, out var values))
        {
            return values;
        }

        if (ignoreCase)
        {
            foreach (var (key, candidate) in map)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static string? Last(IReadOnlyDictionary<string, IReadOnlyList<string>> map, string name, bool ignoreCase) =>
        All(map, name, ignoreCase) is { Count: > 0 } values ? values[^1] : null;
}
