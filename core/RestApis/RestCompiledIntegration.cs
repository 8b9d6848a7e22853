using OrleansGateway.HttpApis;
using OrleansGateway.Integrations;
using OrleansGateway.Mapping.Parameters;
using OrleansGateway.Mapping.Templates;

namespace OrleansGateway.RestApis;

/// <summary>
/// A REST method's integration compiled for one stage: the URI with stage variables substituted,
/// the request mapping (parameters and templates, parsed here) and, for non-proxy types, the
/// integration responses with their compiled patterns and templates.
/// </summary>
public sealed class RestCompiledIntegration
{
    public required string Type { get; init; }

    /// <summary>The backend's method; for MOCK, unused.</summary>
    public string? HttpMethod { get; init; }

    public IntegrationUriTemplate? Uri { get; init; }

    public required TimeSpan Timeout { get; init; }

    /// <summary><c>requestParameters</c>: what every type maps, proxies included.</summary>
    public required RequestParameterMapper Parameters { get; init; }

    /// <summary>Templates and passthrough; null for proxy integrations, which pass the request as it came.</summary>
    public IntegrationRequestMapper? RequestMapper { get; init; }

    /// <summary>Integration responses; null for proxy integrations, whose response goes back as it came.</summary>
    public IntegrationResponseMapper? ResponseMapper { get; init; }

    /// <summary><c>CONVERT_TO_TEXT</c> / <c>CONVERT_TO_BINARY</c> for the request body, or null.</summary>
    public string? ContentHandling { get; init; }

    public bool IsProxy => Type is IntegrationTypes.HttpProxy or IntegrationTypes.AwsProxy;

    public bool IsMock => Type == IntegrationTypes.Mock;

    /// <summary>The types this gateway calls today; Lambda and AWS service integrations come with their own issue.</summary>
    public bool IsSupported => Type is IntegrationTypes.Mock or IntegrationTypes.Http or IntegrationTypes.HttpProxy;
}
