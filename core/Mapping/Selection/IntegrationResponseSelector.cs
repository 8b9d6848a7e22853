namespace OrleansGateway.Mapping.Selection;

/// <summary>
/// Picks the integration response for a backend result: HTTP, MOCK and AWS service integrations
/// match <c>selectionPattern</c> against the status code, Lambda (non-proxy) integrations against
/// the function's error message; otherwise the default response (no pattern). Patterns compile
/// when the selector is built, once per deployment. A null answer means neither matched nor a
/// default exists: AWS's <c>API_CONFIGURATION_ERROR</c>.
/// </summary>
public sealed class IntegrationResponseSelector
{
    private readonly List<(SelectionPattern Pattern, IntegrationResponseDefinition Response)> _patterns = [];
    private readonly IntegrationResponseDefinition? _default;

    public IntegrationResponseSelector(IEnumerable<IntegrationResponseDefinition> responses)
    {
        foreach (var response in responses)
        {
            if (response.IsDefault)
            {
                _default ??= response;
            }
            else
            {
                _patterns.Add((new SelectionPattern(response.SelectionPattern!), response));
            }
        }
    }

    /// <summary>For HTTP, MOCK and AWS service integrations.</summary>
    public IntegrationResponseDefinition? ForStatusCode(int statusCode) =>
        Match(statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? _default;

    /// <summary>For Lambda non-proxy integrations: a successful invocation (no error) takes the default.</summary>
    public IntegrationResponseDefinition? ForLambdaError(string? errorMessage) =>
        (errorMessage is null ? null : Match(errorMessage)) ?? _default;

    private IntegrationResponseDefinition? Match(string value)
    {
        foreach (var (pattern, response) in _patterns)
        {
            if (pattern.Matches(value))
            {
                return response;
            }
        }

        return null;
    }
}
