using OrleansGateway.HttpApis;
using OrleansGateway.Mapping.Parameters;
using OrleansGateway.Mapping.Selection;
using OrleansGateway.Mapping.Templates;

namespace OrleansGateway.WebSockets;

/// <summary>
/// What a WebSocket API's integrations may hold so that the dispatcher can run all of it: the control plane
/// refuses with these checks, and <see cref="WebSocketRouteTable.Compile"/> builds with the same parsers.
/// </summary>
public static class WebSocketIntegrationRules
{
    private const string RouteRequest = "route.request.";
    private const string MethodRequest = "method.request.";

    /// <summary>The first reason to refuse the integration, in AWS's words where AWS has some; null when it can run.</summary>
    public static string? Check(IntegrationDefinition integration)
    {
        if (integration.IntegrationType is not (IntegrationTypes.Http or IntegrationTypes.HttpProxy or IntegrationTypes.Mock))
        {
            return $"Integration type {integration.IntegrationType} is not supported for WebSocket APIs by this gateway: "
                + "use HTTP, HTTP_PROXY or MOCK (Lambda integrations are not available yet)";
        }

        if (integration.TimeoutInMillis is < WebSocketIntegrationLimits.MinTimeoutInMillis or > WebSocketIntegrationLimits.MaxTimeoutInMillis)
        {
            return "Timeout must be between 50 milliseconds and 29 seconds for WebSocket APIs";
        }

        try
        {
            _ = PassthroughBehaviorNames.Parse(integration.PassthroughBehavior);
            _ = Parameters(integration.RequestParameters);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return e.Message;
        }
    }

    /// <summary>Why an integration response key cannot be selected (<c>$default</c> or <c>/regex/</c>); null when it can.</summary>
    public static string? CheckIntegrationResponseKey(string key)
    {
        if (key == WebSocketRouteKeys.Default)
        {
            return null;
        }

        if (key.Length < 3 || key[0] != '/' || key[^1] != '/')
        {
            return $"Invalid integration response key: {key}. Use $default or a regular expression between slashes, such as /2\\d\\d/";
        }

        try
        {
            _ = new SelectionPattern(key[1..^1]);
            return null;
        }
        catch (ArgumentException)
        {
            return $"Invalid integration response key: {key}. The regular expression does not compile";
        }
    }

    /// <summary>
    /// An integration's <c>requestParameters</c> with WebSocket sources (<c>route.request.header.N</c>,
    /// <c>route.request.querystring.N</c>, their multi-value forms, <c>route.request.body.jsonpath</c>,
    /// <c>context.*</c>, <c>stageVariables.*</c>, <c>'static'</c>), read by the REST mapper they share a grammar with.
    /// </summary>
    /// <exception cref="FormatException">A target or source is not one AWS allows.</exception>
    public static RequestParameterMapper Parameters(IReadOnlyDictionary<string, string>? requestParameters)
    {
        if (requestParameters is null or { Count: 0 })
        {
            return new RequestParameterMapper(null);
        }

        var translated = new Dictionary<string, string>(requestParameters.Count, StringComparer.Ordinal);
        foreach (var (target, source) in requestParameters)
        {
            var isRoute = source.StartsWith(RouteRequest, StringComparison.Ordinal);
            if (source.StartsWith(MethodRequest, StringComparison.Ordinal)
                || (isRoute && ParameterSource.Parse(MethodRequest + source[RouteRequest.Length..]).Kind == ParameterSourceKind.MethodRequestPath))
            {
                throw new FormatException($"Invalid mapping expression specified: {source}");
            }

            translated[target] = isRoute ? MethodRequest + source[RouteRequest.Length..] : source;
        }

        return new RequestParameterMapper(translated);
    }
}
