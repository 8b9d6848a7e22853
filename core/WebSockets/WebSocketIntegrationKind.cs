namespace OrleansGateway.WebSockets;

/// <summary>The integration types a WebSocket route can call here.</summary>
public enum WebSocketIntegrationKind
{
    /// <summary><c>HTTP</c>: mapped request, templates, integration responses.</summary>
    Http,

    /// <summary><c>HTTP_PROXY</c>: the message goes as it is, the answer comes back as it is.</summary>
    HttpProxy,

    /// <summary><c>MOCK</c>: no call; the request template's <c>statusCode</c> is the status.</summary>
    Mock,
}
