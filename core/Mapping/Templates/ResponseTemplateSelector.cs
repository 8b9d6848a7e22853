namespace OrleansGateway.Mapping.Templates;

/// <summary>
/// Chooses an integration response's (or gateway response's) template for the client's Accept
/// header: the first media range that names a template, else the <c>application/json</c> template,
/// else the first one defined. No templates means the body passes through.
/// </summary>
public static class ResponseTemplateSelector
{
    public static KeyValuePair<string, T>? Select<T>(IReadOnlyDictionary<string, T>? responseTemplates, string? accept)
    {
        if (responseTemplates is not { Count: > 0 })
        {
            return null;
        }

        foreach (var range in (accept ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (MediaType.Find(responseTemplates, MediaType.Normalize(range)) is { } match)
            {
                return match;
            }
        }

        return MediaType.Find(responseTemplates, MediaType.Json) ?? responseTemplates.First();
    }
}
