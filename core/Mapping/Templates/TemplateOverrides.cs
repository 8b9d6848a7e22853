using OrleansGateway.Mapping.Parameters;

namespace OrleansGateway.Mapping.Templates;

/// <summary>
/// Reads what a template wrote to <c>$context.requestOverride</c> / <c>$context.responseOverride</c>
/// and applies it, as API Gateway does after rendering: overrides replace mapped values.
/// </summary>
public static class TemplateOverrides
{
    /// <summary>Applies <c>requestOverride.{header,querystring,path}</c> on top of mapped parameters.</summary>
    public static void ApplyRequestOverride(IDictionary<string, object?> context, IntegrationRequestParameters parameters)
    {
        foreach (var (name, value) in Entries(context, MappingContext.RequestOverride, "header"))
        {
            parameters.Headers[name] = value;
        }

        foreach (var (name, value) in Entries(context, MappingContext.RequestOverride, "querystring"))
        {
            parameters.QueryString[name] = [value];
        }

        foreach (var (name, value) in Entries(context, MappingContext.RequestOverride, "path"))
        {
            parameters.Path[name] = value;
        }
    }

    /// <summary>The headers a template set through <c>responseOverride.header</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ResponseHeaders(IDictionary<string, object?> context) =>
        Entries(context, MappingContext.ResponseOverride, "header");

    /// <summary>
    /// The status a template set through <c>responseOverride.status</c>; AWS ignores anything that
    /// is not an integer from 100 to 599.
    /// </summary>
    public static int? ResponseStatus(IDictionary<string, object?> context)
    {
        var status = ContextTree.Find(context, MappingContext.ResponseOverride + ".status");
        long? code = status switch
        {
            int i => i,
            long l => l,
            _ => null,
        };
        return code is >= 100 and <= 599 ? (int)code.Value : null;
    }

    private static IEnumerable<KeyValuePair<string, string>> Entries(IDictionary<string, object?> context, string root, string map)
    {
        if (ContextTree.Find(context, root + "." + map) is not IDictionary<string, object?> entries)
        {
            yield break;
        }

        foreach (var (name, value) in entries)
        {
            if (ContextTree.Format(value) is { } text)
            {
                yield return new KeyValuePair<string, string>(name, text);
            }
        }
    }
}
