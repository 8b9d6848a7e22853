namespace OrleansGateway.Mapping.Templates;

/// <summary>
/// Chooses a REST integration's request template by the request's Content-Type (its media type,
/// <c>application/json</c> when absent) and applies the passthrough behaviour when none matches,
/// as in AWS's "method request behavior for payloads without mapping templates" tables.
/// </summary>
public static class RequestTemplateSelector
{
    public static RequestTemplateChoice Select(
        IReadOnlyDictionary<string, string>? requestTemplates, string? contentType, PassthroughBehavior behavior)
    {
        if (MediaType.Find(requestTemplates, MediaType.Normalize(contentType)) is { } match)
        {
            return new RequestTemplateChoice(RequestBodyDisposition.Transform, match.Key, match.Value);
        }

        var anyTemplates = requestTemplates is { Count: > 0 };
        return behavior switch
        {
            PassthroughBehavior.WhenNoMatch => RequestTemplateChoice.PassThrough,
            PassthroughBehavior.WhenNoTemplates when !anyTemplates => RequestTemplateChoice.PassThrough,
            _ => RequestTemplateChoice.Reject,
        };
    }
}
