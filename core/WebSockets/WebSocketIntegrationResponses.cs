using OrleansGateway.Mapping.Selection;
using OrleansGateway.Mapping.Templates;
using IntegrationResponseDefinition = OrleansGateway.HttpApis.IntegrationResponseDefinition;

namespace OrleansGateway.WebSockets;

/// <summary>
/// A non-proxy integration's integration responses: the integration response selection expression
/// (<c>${integration.response.statuscode}</c> unless set) gives a value, the first <c>/regex/</c> key that
/// matches all of it wins, else <c>$default</c>; the chosen response's templates are picked by its own
/// template selection expression, and without templates the answer passes through.
/// </summary>
internal sealed class WebSocketIntegrationResponses
{
    private const string StatusCodeSelection = "${integration.response.statuscode}";

    private readonly SelectionExpression _selection;
    private readonly List<(SelectionPattern Pattern, WebSocketTemplateSelector Templates)> _patterns = [];
    private readonly WebSocketTemplateSelector? _default;

    /// <exception cref="ArgumentException">A key's regular expression does not compile.</exception>
    public WebSocketIntegrationResponses(string? selectionExpression, IEnumerable<IntegrationResponseDefinition> responses)
    {
        _selection = new SelectionExpression(selectionExpression ?? StatusCodeSelection);
        foreach (var response in responses)
        {
            var templates = new WebSocketTemplateSelector(response.ResponseTemplates, response.TemplateSelectionExpression, PassthroughBehavior.WhenNoMatch);
            if (response.IntegrationResponseKey == WebSocketRouteKeys.Default)
            {
                _default = templates;
            }
            else if (WebSocketIntegrationRules.CheckIntegrationResponseKey(response.IntegrationResponseKey) is null)
            {
                _patterns.Add((new SelectionPattern(response.IntegrationResponseKey[1..^1]), templates));
            }
            else
            {
                throw new ArgumentException($"integration response key {response.IntegrationResponseKey} cannot be selected");
            }
        }
    }

    /// <summary>The templates of the selected integration response; null when none matched and there is no <c>$default</c>.</summary>
    public WebSocketTemplateSelector? Select(SelectionExpressionInputs inputs)
    {
        var value = _selection.Evaluate(inputs);
        foreach (var (pattern, templates) in _patterns)
        {
            if (pattern.Matches(value))
            {
                return templates;
            }
        }

        return _default;
    }
}
