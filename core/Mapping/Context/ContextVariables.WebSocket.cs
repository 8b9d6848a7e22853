using OrleansGateway.Mapping.Templates;

namespace OrleansGateway.Mapping.Context;

// The WebSocket tree: AWS's "WebSocket API mapping template reference".
public static partial class ContextVariables
{
    public static Dictionary<string, object?> WebSocket(WebSocketContextInputs request)
    {
        var identity = request.Identity;
        var context = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["apiId"] = request.ApiId,
            // WebSocket routes have no Cognito authorizer, so AWS lists no claims for them.
            ["authorizer"] = Authorizer(request.Authorizer, withClaims: false),
            ["connectedAt"] = request.ConnectedAt.ToUnixTimeMilliseconds(),
            ["connectionId"] = request.ConnectionId,
            ["disconnectReason"] = request.EventType == WebSocketEventType.Disconnect ? request.DisconnectReason : null,
            ["disconnectStatusCode"] = request.EventType == WebSocketEventType.Disconnect ? request.DisconnectStatusCode : null,
            ["domainName"] = request.DomainName,
            ["error"] = Error(request.Error),
            ["eventType"] = EventTypeName(request.EventType),
            ["extendedRequestId"] = request.ExtendedRequestId,
            ["identity"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["accountId"] = identity.AccountId,
                ["apiKey"] = identity.ApiKey,
                ["apiKeyId"] = identity.ApiKeyId,
                ["caller"] = identity.Caller,
                ["cognitoAuthenticationProvider"] = identity.CognitoAuthenticationProvider,
                ["sourceIp"] = identity.SourceIp,
                ["user"] = identity.User,
                ["userAgent"] = identity.UserAgent,
                ["userArn"] = identity.UserArn,
            },
            // Templates only ever run on what the client sent; AWS's OUT is for logging replies.
            ["messageDirection"] = "IN",
            ["messageId"] = request.EventType == WebSocketEventType.Message ? request.MessageId : null,
            ["requestId"] = request.ExtendedRequestId,
            ["requestTime"] = FormatRequestTime(request.RequestTime),
            ["requestTimeEpoch"] = request.RequestTime.ToUnixTimeMilliseconds(),
            ["routeKey"] = request.RouteKey,
            ["stage"] = request.Stage,
            ["status"] = request.Status,
        };
        MappingContext.WithOverrideMaps(context);
        return context;
    }
}
