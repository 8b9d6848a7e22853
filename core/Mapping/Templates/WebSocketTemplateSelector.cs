using OrleansGateway.Mapping.Selection;

namespace OrleansGateway.Mapping.Templates;

/// <summary>
/// Chooses a WebSocket non-proxy integration's request template: the integration's
/// <c>templateSelectionExpression</c> yields a key (<c>\$default</c> yields <c>$default</c>), the
/// template under that key applies, else the <c>$default</c> template, else the passthrough
/// behaviour decides as for REST. Built once per deployment.
/// </summary>
public sealed class WebSocketTemplateSelector(
    IReadOnlyDictionary<string, string>? requestTemplates, string? templateSelectionExpression, PassthroughBehavior behavior)
{
    private const string DefaultKey = "$default";

    private readonly SelectionExpression _expression = new(templateSelectionExpression ?? "\\" + DefaultKey);

    public RequestTemplateChoice Select(SelectionExpressionInputs inputs)
    {
        var key = _expression.Evaluate(inputs);
        if (requestTemplates is not null
            && (requestTemplates.TryGetValue(key, out var template) || requestTemplates.TryGetValue(key = DefaultKey, out template)))
        {
            return new RequestTemplateChoice(RequestBodyDisposition.Transform, key, template);
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
