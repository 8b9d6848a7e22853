using System.Globalization;
using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.Mapping.Parameters;
using OrleansGateway.Mapping.Selection;

namespace OrleansGateway.Mapping.Templates;

/// <summary>
/// A REST non-proxy integration's response side, built once per deployment: selects the
/// integration response (<c>selectionPattern</c>), maps its <c>responseParameters</c>, renders the
/// template chosen by the client's Accept header (none: the body passes through), then applies
/// <c>$context.responseOverride</c> status and headers.
/// </summary>
public sealed class IntegrationResponseMapper
{
    private readonly string _deploymentId;
    private readonly CompiledTemplateCache _cache;
    private readonly IntegrationResponseSelector _selector;
    private readonly Dictionary<IntegrationResponseDefinition, ResponseParameterMapper> _headers = new(ReferenceEqualityComparer.Instance);

    public IntegrationResponseMapper(
        string deploymentId, IReadOnlyCollection<IntegrationResponseDefinition> responses, CompiledTemplateCache cache)
    {
        _deploymentId = deploymentId;
        _cache = cache;
        _selector = new IntegrationResponseSelector(responses);
        foreach (var response in responses)
        {
            _headers[response] = new ResponseParameterMapper(response.ResponseParameters);
        }
    }

    /// <summary>The integration response the outcome selects (its <c>contentHandling</c> shapes the body before <see cref="Map"/>); null when none does.</summary>
    public IntegrationResponseDefinition? Select(IntegrationOutcome outcome) =>
        outcome.IsLambda ? _selector.ForLambdaError(outcome.LambdaErrorMessage) : _selector.ForStatusCode(outcome.StatusCode);

    public MethodResponseResult Map(
        IntegrationOutcome outcome,
        IntegrationResponseData response,
        MethodRequestData request,
        IDictionary<string, object?> context,
        IReadOnlyDictionary<string, string>? stageVariables)
    {
        if (Select(outcome) is not { } selected)
        {
            return Failed(GatewayError.ApiConfigurationError(),
                $"Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: {outcome.StatusCode}");
        }

        var mapped = _headers[selected].Map(new ParameterInputs { Response = response, Context = context, StageVariables = stageVariables });
        if (mapped.Error is not null)
        {
            return Failed(mapped.Error, "Execution failed: the integration response body is not valid JSON");
        }

        var status = int.TryParse(selected.StatusCode, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 200;
        var headers = mapped.Headers;
        if (ResponseTemplateSelector.Select(selected.ResponseTemplates, request.Header("Accept")) is not { } template)
        {
            return new MethodResponseResult(status, headers, response.Body);
        }

        var (body, error, log) = TemplateRendering.Render(
            _cache, _deploymentId, template.Value, response.Body, request, context, stageVariables);
        if (error is not null)
        {
            return Failed(error, log);
        }

        // Overrides exist only where a response template ran, and they win over the mappings.
        headers.TryAdd("Content-Type", template.Key);
        foreach (var (name, value) in TemplateOverrides.ResponseHeaders(context))
        {
            headers[name] = value;
        }

        return new MethodResponseResult(TemplateOverrides.ResponseStatus(context) ?? status, headers, body);
    }

    private static MethodResponseResult Failed(GatewayError error, string? log) =>
        new(error.DefaultStatusCode, new Dictionary<string, string>(), null, error, log);
}
