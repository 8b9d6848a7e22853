using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.Mapping.Parameters;

namespace OrleansGateway.Mapping.Templates;

/// <summary>
/// A REST non-proxy integration's request side, built once per deployment: maps
/// <c>requestParameters</c>, chooses the request template by Content-Type under the passthrough
/// behaviour (415 when refused), renders it, and applies <c>$context.requestOverride</c>.
/// </summary>
public sealed class IntegrationRequestMapper(
    string deploymentId,
    IReadOnlyDictionary<string, string>? requestTemplates,
    PassthroughBehavior passthroughBehavior,
    RequestParameterMapper parameters,
    CompiledTemplateCache cache)
{
    public IntegrationRequestResult Map(
        MethodRequestData request, IDictionary<string, object?> context, IReadOnlyDictionary<string, string>? stageVariables)
    {
        var mapped = parameters.Map(new ParameterInputs { Request = request, Context = context, StageVariables = stageVariables });
        if (mapped.Error is not null)
        {
            return new IntegrationRequestResult(null, mapped, mapped.Error);
        }

        var choice = RequestTemplateSelector.Select(requestTemplates, request.Header("Content-Type"), passthroughBehavior);
        switch (choice.Disposition)
        {
            case RequestBodyDisposition.Reject:
                return new IntegrationRequestResult(null, mapped, GatewayError.UnsupportedMediaType());
            case RequestBodyDisposition.PassThrough:
                return new IntegrationRequestResult(request.Body, mapped);
        }

        var (body, error, log) = TemplateRendering.Render(
            cache, deploymentId, choice.Template!, request.Body, request, context, stageVariables);
        if (error is not null)
        {
            return new IntegrationRequestResult(null, mapped, error, log);
        }

        TemplateOverrides.ApplyRequestOverride(context, mapped);
        return new IntegrationRequestResult(body, mapped);
    }
}
