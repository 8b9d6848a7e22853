using OrleansGateway.HttpApis;
using OrleansGateway.Integrations;
using OrleansGateway.Mapping.Parameters;
using OrleansGateway.Mapping.Templates;

namespace OrleansGateway.WebSockets;

/// <summary>A WebSocket route's integration compiled for one stage: what the dispatcher needs per message, parsed once.</summary>
internal sealed class WebSocketIntegration
{
    private WebSocketIntegration(
        WebSocketIntegrationKind kind, IntegrationUriTemplate? uri, HttpMethod method, TimeSpan timeout,
        RequestParameterMapper parameters, WebSocketTemplateSelector requestTemplates, WebSocketIntegrationResponses responses)
    {
        Kind = kind;
        Uri = uri;
        Method = method;
        Timeout = timeout;
        Parameters = parameters;
        RequestTemplates = requestTemplates;
        Responses = responses;
    }

    public WebSocketIntegrationKind Kind { get; }

    /// <summary>The <c>integrationUri</c> with stage variables filled in; null for MOCK.</summary>
    public IntegrationUriTemplate? Uri { get; }

    public HttpMethod Method { get; }

    public TimeSpan Timeout { get; }

    public RequestParameterMapper Parameters { get; }

    public WebSocketTemplateSelector RequestTemplates { get; }

    public WebSocketIntegrationResponses Responses { get; }

    /// <summary>The integration, or why it cannot run (the same checks the control plane makes, and what only a stage's variables show).</summary>
    public static (WebSocketIntegration? Integration, string? Fault) Compile(
        IntegrationDefinition definition, IEnumerable<IntegrationResponseDefinition>? responses, IReadOnlyDictionary<string, string>? stageVariables)
    {
        if (WebSocketIntegrationRules.Check(definition) is { } fault)
        {
            return (null, fault);
        }

        var kind = definition.IntegrationType switch
        {
            IntegrationTypes.HttpProxy => WebSocketIntegrationKind.HttpProxy,
            IntegrationTypes.Mock => WebSocketIntegrationKind.Mock,
            _ => WebSocketIntegrationKind.Http,
        };
        IntegrationUriTemplate? uri = null;
        if (kind != WebSocketIntegrationKind.Mock)
        {
            uri = definition.IntegrationUri is { } text ? IntegrationUriTemplate.Parse(text, stageVariables) : null;
            if (uri is null || !System.Uri.TryCreate(uri.Origin, UriKind.Absolute, out var origin) || origin.Scheme is not ("http" or "https"))
            {
                return (null, $"integration URI {definition.IntegrationUri} is not an absolute http or https URL for this stage");
            }
        }

        // ANY means the request's own method on HTTP APIs; a WebSocket message has none, so it goes as POST.
        var method = definition.IntegrationMethod is null or "" || string.Equals(definition.IntegrationMethod, "ANY", StringComparison.OrdinalIgnoreCase)
            ? HttpMethod.Post
            : HttpMethod.Parse(definition.IntegrationMethod.ToUpperInvariant());
        try
        {
            return (new WebSocketIntegration(
                kind,
                uri,
                method,
                WebSocketIntegrationLimits.Timeout(definition.TimeoutInMillis),
                WebSocketIntegrationRules.Parameters(definition.RequestParameters),
                new WebSocketTemplateSelector(definition.RequestTemplates, definition.TemplateSelectionExpression, PassthroughBehaviorNames.Parse(definition.PassthroughBehavior)),
                new WebSocketIntegrationResponses(definition.IntegrationResponseSelectionExpression, responses ?? [])), null);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return (null, e.Message);
        }
    }
}
