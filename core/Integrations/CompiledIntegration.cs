using OrleansGateway.HttpApis;
using OrleansGateway.Mapping.HttpApi;
using OrleansGateway.Routing;

namespace OrleansGateway.Integrations;

/// <summary>An integration compiled for one stage: everything the data plane needs per request, precomputed.</summary>
public sealed class CompiledIntegration
{
    private HttpMethod? _httpMethod;

    public const string HttpProxy = "HTTP_PROXY";

    /// <summary>AWS's default and maximum integration timeout for HTTP APIs.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private CompiledIntegration(IntegrationDefinition definition, IntegrationUriTemplate? uri, TimeSpan timeout,
        HttpApiRequestMapping requestMapping, HttpApiResponseMapping responseMapping, List<string> faults)
    {
        IntegrationId = definition.IntegrationId;
        IntegrationType = definition.IntegrationType;
        Method = definition.IntegrationMethod is null || string.Equals(definition.IntegrationMethod, RouteKey.AnyMethod, StringComparison.OrdinalIgnoreCase) ? null : definition.IntegrationMethod.ToUpperInvariant();
        Uri = uri;
        Timeout = timeout;
        RequestMapping = requestMapping;
        ResponseMapping = responseMapping;
        Faults = faults;
        IsHttpProxy = IntegrationType == HttpProxy && Uri is not null && CheckMethod(definition.IntegrationMethod) is null;
    }

    public string IntegrationId { get; }

    public string IntegrationType { get; }

    /// <summary>The method sent to the integration; null means the request's own (<c>ANY</c>).</summary>
    public string? Method { get; }

    /// <summary><see cref="Method"/> as the HTTP client's value, parsed once.</summary>
    public HttpMethod? HttpMethod => Method is null ? null : _httpMethod ??= HttpMethod.Parse(Method);

    /// <summary>The compiled <c>integrationUri</c>, when it is an absolute http(s) URL.</summary>
    public IntegrationUriTemplate? Uri { get; }

    public TimeSpan Timeout { get; }

    public HttpApiRequestMapping RequestMapping { get; }

    public HttpApiResponseMapping ResponseMapping { get; }

    /// <summary>An <c>HTTP_PROXY</c> integration with a URL and a method the edge can forward with.</summary>
    public bool IsHttpProxy { get; }

    /// <summary>What compiling found wrong (left out, or not callable): for the edge to log once, not per request.</summary>
    public IReadOnlyList<string> Faults { get; }

    /// <summary>
    /// Why <paramref name="method"/> cannot be an integration method, or null when it can (or is
    /// absent: the request's own). The control plane refuses with this; the edge compiles with it.
    /// </summary>
    public static string? CheckMethod(string? method) =>
        method is null || HttpApiMethods.IsValid(method.ToUpperInvariant())
            ? null
            : $"Invalid integration method specified: {method}. Must be one of {HttpApiMethods.List}";

    public static CompiledIntegration Compile(IntegrationDefinition definition, IReadOnlyDictionary<string, string>? stageVariables, TimeSpan defaultTimeout)
    {
        IntegrationUriTemplate? uri = null;
        if (definition.IntegrationUri is { } text)
        {
            var template = IntegrationUriTemplate.Parse(text, stageVariables);
            if (template.Text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || template.Text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                uri = template;
            }
        }

        var faults = new List<string>();
        if (definition.IntegrationType != HttpProxy)
        {
            faults.Add($"integration type {definition.IntegrationType} cannot be called by the edge");
        }
        else if (uri is null)
        {
            faults.Add($"integration URI {definition.IntegrationUri} is not an absolute http or https URL for this stage");
        }

        if (CheckMethod(definition.IntegrationMethod) is { } methodFault)
        {
            faults.Add(methodFault);
        }

        // Only HTTP_PROXY mappings are the edge's to apply; other types read requestParameters differently.
        var mappingFaults = definition.IntegrationType == HttpProxy ? faults : null;
        var timeout = definition.TimeoutInMillis is > 0 and var ms ? TimeSpan.FromMilliseconds(ms) : defaultTimeout;
        return new CompiledIntegration(
            definition,
            uri,
            timeout,
            HttpApiRequestMapping.Compile(definition.RequestParameters, stageVariables, mappingFaults),
            HttpApiResponseMapping.Compile(definition.ResponseParameters, stageVariables, mappingFaults),
            faults);
    }
}
