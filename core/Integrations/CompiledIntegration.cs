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
        HttpApiRequestMapping requestMapping, HttpApiResponseMapping responseMapping)
    {
        IntegrationId = definition.IntegrationId;
        IntegrationType = definition.IntegrationType;
        Method = definition.IntegrationMethod is null || string.Equals(definition.IntegrationMethod, RouteKey.AnyMethod, StringComparison.OrdinalIgnoreCase) ? null : definition.IntegrationMethod.ToUpperInvariant();
        Uri = uri;
        Timeout = timeout;
        RequestMapping = requestMapping;
        ResponseMapping = responseMapping;
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

    /// <summary>An <c>HTTP_PROXY</c> integration with a URL the edge can forward to.</summary>
    public bool IsHttpProxy => IntegrationType == HttpProxy && Uri is not null;

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

        var timeout = definition.TimeoutInMillis is > 0 and var ms ? TimeSpan.FromMilliseconds(ms) : defaultTimeout;
        return new CompiledIntegration(
            definition,
            uri,
            timeout,
            HttpApiRequestMapping.Compile(definition.RequestParameters, stageVariables),
            HttpApiResponseMapping.Compile(definition.ResponseParameters, stageVariables));
    }
}
