using OrleansGateway.HttpApis;

namespace OrleansGateway.WebSockets;

/// <summary>
/// A WebSocket stage whose <c>$connect</c> route requires an API key, as the edge checks it before the
/// handshake: whether the key is read from the upgrade request's <c>x-api-key</c> header (the API's
/// <c>apiKeySelectionExpression</c> is <c>$request.header.x-api-key</c>). With
/// <c>$context.authorizer.usageIdentifierKey</c> the key is a Lambda authorizer's, which this gateway
/// cannot run: no key is found and every connect is refused 403, as REST's <c>AUTHORIZER</c> key source is.
/// </summary>
public sealed class WebSocketConnectApiKey
{
    private static readonly WebSocketConnectApiKey FromHeader = new(fromHeader: true);
    private static readonly WebSocketConnectApiKey FromAuthorizer = new(fromHeader: false);

    private WebSocketConnectApiKey(bool fromHeader) => IsFromHeader = fromHeader;

    /// <summary>False: the key would come from an authorizer, so none is ever found.</summary>
    public bool IsFromHeader { get; }

    /// <summary>What the stage's deployment asks of a connect; null when it is not a WebSocket API's or <c>$connect</c> requires no key.</summary>
    public static WebSocketConnectApiKey? Of(DeploymentSnapshot? deployment)
    {
        if (deployment is not { Api.ProtocolType: ProtocolTypes.WebSocket }
            || !deployment.Routes.Any(r => r.RouteKey == WebSocketRouteKeys.Connect && r.ApiKeyRequired))
        {
            return null;
        }

        return (deployment.Api.ApiKeySelectionExpression ?? ApiKeySelectionExpressions.Header) == ApiKeySelectionExpressions.Header ? FromHeader : FromAuthorizer;
    }
}
