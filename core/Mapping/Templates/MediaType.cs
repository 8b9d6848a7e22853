namespace OrleansGateway.Mapping.Templates;

/// <summary>Media type handling for template and model selection.</summary>
public static class MediaType
{
    /// <summary>What API Gateway assumes when a request names no content type.</summary>
    public const string Json = "application/json";

    /// <summary>
    /// The bare media type of a Content-Type or Accept value: parameters (<c>; charset=utf-8</c>)
    /// dropped, lower-cased, <c>application/json</c> when absent.
    /// </summary>
    public static string Normalize(string? contentType)
    {
        var bare = contentType is null ? string.Empty : contentType.Split(';', 2)[0].Trim();
        return bare.Length == 0 ? Json : bare.ToLowerInvariant();
    }

    /// <summary>The entry of a content-type-keyed map for a media type, keys compared case-insensitively.</summary>
    public static KeyValuePair<string, T>? Find<T>(IReadOnlyDictionary<string, T>? map, string mediaType)
    {
        if (map is null)
        {
            return null;
        }

        if (map.TryGetValue(mediaType, out var exact))
        {
            return new KeyValuePair<string, T>(mediaType, exact);
        }

        foreach (var entry in map)
        {
            if (string.Equals(entry.Key.Split(';', 2)[0].Trim(), mediaType, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        return null;
    }
}
