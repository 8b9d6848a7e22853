namespace OrleansGateway.Mapping.Templates;

/// <summary>
/// Prepares the <c>$context</c> tree a mapping template renders with: API Gateway exposes
/// <c>$context.requestOverride.{header,querystring,path}</c> and
/// <c>$context.responseOverride.header</c> as empty maps a template writes into
/// (<c>#set($context.responseOverride.status = 400)</c>). <see cref="Context.ContextVariables"/> adds them
/// when it builds a request's tree; rendering adds them again only to trees built by hand.
/// </summary>
public static class MappingContext
{
    public const string RequestOverride = "requestOverride";
    public const string ResponseOverride = "responseOverride";

    public static IDictionary<string, object?> WithOverrideMaps(IDictionary<string, object?> context)
    {
        if (context.TryGetValue(RequestOverride, out var request) && request is IDictionary<string, object?>)
        {
            return EnsureResponse(context);
        }

        context[RequestOverride] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["header"] = new Dictionary<string, object?>(StringComparer.Ordinal),
            ["querystring"] = new Dictionary<string, object?>(StringComparer.Ordinal),
            ["path"] = new Dictionary<string, object?>(StringComparer.Ordinal),
        };
        return EnsureResponse(context);
    }

    private static IDictionary<string, object?> EnsureResponse(IDictionary<string, object?> context)
    {
        if (!context.TryGetValue(ResponseOverride, out var response) || response is not IDictionary<string, object?>)
        {
            context[ResponseOverride] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["header"] = new Dictionary<string, object?>(StringComparer.Ordinal),
            };
        }

        return context;
    }
}
