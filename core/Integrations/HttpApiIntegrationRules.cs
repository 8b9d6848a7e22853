using OrleansGateway.Mapping.HttpApi;

namespace OrleansGateway.Integrations;

/// <summary>
/// What the control plane checks of an HTTP API integration so that the edge can compile all of it:
/// the same parsers <see cref="CompiledIntegration.Compile"/> uses, asked for their first refusal.
/// </summary>
public static class HttpApiIntegrationRules
{
    /// <summary>The first reason to refuse, in AWS's words, or null.</summary>
    public static string? Check(string? integrationMethod, string? integrationSubtype,
        IReadOnlyDictionary<string, string>? requestParameters, IReadOnlyDictionary<string, Dictionary<string, string>>? responseParameters) =>
        CompiledIntegration.CheckMethod(integrationMethod)
        // With a subtype (AWS service integrations) requestParameters are that service's inputs, not mappings.
        ?? (integrationSubtype is null ? HttpApiRequestMapping.Validate(requestParameters) ?? HttpApiResponseMapping.Validate(responseParameters) : null);
}
