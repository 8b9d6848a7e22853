using OrleansGateway.HttpApis;
using OrleansGateway.Mapping.Context;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Core.Tests.WebSockets;

/// <summary>Builds a deployed WebSocket stage as the stage grain hands it out, route by route.</summary>
internal sealed class WebSocketStage
{
    public const string ConnectionId = "L0SM9cOFvHcCIhw=";

    private readonly List<RouteDefinition> _routes = [];
    private readonly List<IntegrationDefinition> _integrations = [];
    private readonly Dictionary<string, List<RouteResponseDefinition>> _routeResponses = [];
    private readonly Dictionary<string, List<IntegrationResponseDefinition>> _integrationResponses = [];

    public Dictionary<string, string>? StageVariables { get; init; }

    public string RouteSelectionExpression { get; init; } = "$request.body.action";

    public string? ApiKeySelectionExpression { get; init; }

    public RouteSettings? DefaultRouteSettings { get; init; }

    public Dictionary<string, RouteSettings>? RouteSettings { get; init; }

    public static IntegrationDefinition Mock(string? template = """{"statusCode": 200}""") => new()
    {
        IntegrationId = "mock",
        IntegrationType = IntegrationTypes.Mock,
        TemplateSelectionExpression = "\\$default",
        RequestTemplates = template is null ? null : new() { ["$default"] = template },
        IntegrationResponseSelectionExpression = "${integration.response.statuscode}",
    };

    public static IntegrationDefinition Http(string uri, Dictionary<string, string>? parameters = null, int? timeout = null) => new()
    {
        IntegrationId = "http",
        IntegrationType = IntegrationTypes.Http,
        IntegrationUri = uri,
        IntegrationMethod = "POST",
        RequestParameters = parameters,
        TimeoutInMillis = timeout,
    };

    public static IntegrationDefinition Proxy(string uri, int? timeout = null) => new()
    {
        IntegrationId = "proxy",
        IntegrationType = IntegrationTypes.HttpProxy,
        IntegrationUri = uri,
        IntegrationMethod = "POST",
        TimeoutInMillis = timeout,
    };

    public static IntegrationResponseDefinition Response(string key, string? template = null) => new()
    {
        IntegrationResponseId = "r" + key.GetHashCode(StringComparison.Ordinal).ToString("x", System.Globalization.CultureInfo.InvariantCulture),
        IntegrationResponseKey = key,
        TemplateSelectionExpression = template is null ? null : "\\$default",
        ResponseTemplates = template is null ? null : new() { ["$default"] = template },
    };

    public static WebSocketRouteRequest Message(string body, string requestId = "req-1") => new()
    {
        EventType = WebSocketEventType.Message,
        Connection = Connection(),
        Body = body,
        MessageId = "msg-1",
        RequestId = requestId,
    };

    public static WebSocketRouteRequest Connect(Dictionary<string, string>? headers = null, Dictionary<string, string>? query = null) => new()
    {
        EventType = WebSocketEventType.Connect,
        Connection = Connection() with { Headers = headers, QueryString = query },
        RequestId = "req-connect",
    };

    public static WebSocketRouteRequest Disconnect(int code, string reason) => new()
    {
        EventType = WebSocketEventType.Disconnect,
        Connection = Connection(),
        RequestId = "req-disconnect",
        DisconnectStatusCode = code,
        DisconnectReason = reason,
    };

    public static ConnectionContext Connection() => new()
    {
        ApiId = "wsapi00001",
        Stage = "prod",
        ConnectionId = ConnectionId,
        EdgeId = 1,
        ConnectedAt = DateTimeOffset.UnixEpoch,
        SourceIp = "127.0.0.9",
        UserAgent = "test-client",
        DomainName = "wsapi00001.execute-api.localhost",
    };

    /// <summary>Adds a route; <paramref name="twoWay"/> gives it the <c>$default</c> route response.</summary>
    public WebSocketStage Route(string key, IntegrationDefinition integration, bool twoWay = false, params IntegrationResponseDefinition[] responses)
    {
        var id = $"{integration.IntegrationId}-{_integrations.Count}";
        _integrations.Add(integration with { IntegrationId = id });
        if (responses.Length > 0)
        {
            _integrationResponses[id] = [.. responses];
        }

        var routeId = "route" + _routes.Count;
        _routes.Add(new RouteDefinition
        {
            RouteId = routeId,
            RouteKey = key,
            Target = "integrations/" + id,
            RouteResponseSelectionExpression = twoWay ? "$default" : null,
        });
        if (twoWay)
        {
            _routeResponses[routeId] = [new RouteResponseDefinition { RouteResponseId = "rr" + routeId, RouteResponseKey = "$default" }];
        }

        return this;
    }

    /// <summary>Sets the authorization of the route added last.</summary>
    public WebSocketStage Authorized(string authorizationType, string? authorizerId = null, bool apiKeyRequired = false)
    {
        _routes[^1] = _routes[^1] with { AuthorizationType = authorizationType, AuthorizerId = authorizerId, ApiKeyRequired = apiKeyRequired };
        return this;
    }

    public WebSocketRouteTable Compile(long version = 1) => WebSocketRouteTable.Compile(Runtime(version));

    public StageRuntime Runtime(long version = 1) => new()
    {
        ApiId = "wsapi00001",
        Version = version,
        Stage = new StageDefinition
        {
            StageName = "prod",
            DeploymentId = "dep1",
            StageVariables = StageVariables,
            DefaultRouteSettings = DefaultRouteSettings,
            RouteSettings = RouteSettings,
        },
        Deployment = new DeploymentSnapshot
        {
            Deployment = new DeploymentDefinition { DeploymentId = "dep1" },
            Api = new ApiDefinition { ApiId = "wsapi00001", Name = "ws", ProtocolType = ProtocolTypes.WebSocket, RouteSelectionExpression = RouteSelectionExpression,
                ApiKeySelectionExpression = ApiKeySelectionExpression },
            Routes = _routes,
            Integrations = _integrations,
            RouteResponses = _routeResponses,
            IntegrationResponses = _integrationResponses,
        },
    };
}
