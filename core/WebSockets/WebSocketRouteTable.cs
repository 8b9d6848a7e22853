using OrleansGateway.HttpApis;
using OrleansGateway.Mapping.Selection;
using OrleansGateway.Mapping.Templates;
using OrleansGateway.Throttling;
using OrleansGateway.Vtl;
using IntegrationResponseDefinition = OrleansGateway.HttpApis.IntegrationResponseDefinition;

namespace OrleansGateway.WebSockets;

/// <summary>
/// A WebSocket stage's routes, compiled once per stage version: the route selection expression, each
/// route's integration and responses, and the stage's variables. A stage with no deployment (or not a
/// WebSocket API's) compiles to a table that refuses everything. What cannot run is kept in
/// <see cref="Faults"/> for the host to log once; such a route answers 500.
/// </summary>
public sealed class WebSocketRouteTable
{
    /// <summary>The key this table's templates sit under in <see cref="Templates"/>, which holds only them.</summary>
    internal const string TemplatesKey = "templates";

    private readonly Dictionary<string, WebSocketRoute> _routes;

    private WebSocketRouteTable(StageRuntime runtime, SelectionExpression? routeSelection, Dictionary<string, WebSocketRoute> routes, List<string> faults)
    {
        ApiId = runtime.ApiId;
        StageName = runtime.Stage.StageName;
        Version = runtime.Version;
        StageVariables = runtime.Stage.StageVariables ?? new Dictionary<string, string>();
        RouteSelection = routeSelection;
        ConnectThrottle = StageThrottles.ForRoute(ApiId, StageName, WebSocketRouteKeys.Connect, runtime.Stage.DefaultRouteSettings, runtime.Stage.RouteSettings);
        _routes = routes;
        Faults = faults;
    }

    public long Version { get; }

    public string ApiId { get; }

    public string StageName { get; }

    public IReadOnlyDictionary<string, string> StageVariables { get; }

    /// <summary>Null when the stage serves nothing: every event is refused.</summary>
    internal SelectionExpression? RouteSelection { get; }

    /// <summary>What a connect is checked against, whether or not the stage has a <c>$connect</c> route: its settings, else the stage default.</summary>
    internal ScopedThrottle? ConnectThrottle { get; }

    /// <summary>This version's mapping templates, compiled once each.</summary>
    internal CompiledTemplateCache Templates { get; } = new(maxDeployments: 1);

    public IReadOnlyCollection<string> RouteKeys => _routes.Keys;

    /// <summary>Routes or integrations that cannot run, and why; each answers 500.</summary>
    public IReadOnlyList<string> Faults { get; }

    public static WebSocketRouteTable Compile(StageRuntime runtime)
    {
        var faults = new List<string>();
        var routes = new Dictionary<string, WebSocketRoute>(StringComparer.Ordinal);
        if (runtime.Deployment is not { Api.ProtocolType: ProtocolTypes.WebSocket } snapshot)
        {
            return new WebSocketRouteTable(runtime, null, routes, faults);
        }

        var stageVariables = runtime.Stage.StageVariables;
        var integrations = snapshot.Integrations.ToDictionary(i => i.IntegrationId, StringComparer.Ordinal);
        var table = new WebSocketRouteTable(
            runtime, new SelectionExpression(snapshot.Api.RouteSelectionExpression ?? "$request.body.action"), routes, faults);
        foreach (var route in snapshot.Routes)
        {
            var twoWay = route.RouteResponseSelectionExpression == WebSocketRouteKeys.Default
                && snapshot.RouteResponses?.GetValueOrDefault(route.RouteId)?.Any(r => r.RouteResponseKey == WebSocketRouteKeys.Default) == true;
            WebSocketIntegration? integration = null;
            string? fault;
            if (route.Target is not { } target || !target.StartsWith("integrations/", StringComparison.Ordinal)
                || !integrations.TryGetValue(target["integrations/".Length..], out var definition))
            {
                fault = $"route {route.RouteKey} has no integration";
            }
            else
            {
                (integration, fault) = WebSocketIntegration.Compile(definition, snapshot.IntegrationResponses?.GetValueOrDefault(definition.IntegrationId), stageVariables);
                fault ??= table.CompileTemplates(definition, snapshot.IntegrationResponses?.GetValueOrDefault(definition.IntegrationId));
                if (fault is not null)
                {
                    integration = null;
                    fault = $"route {route.RouteKey}: {fault}";
                }
            }

            var (refusalStatus, refusal) = route.RouteKey == WebSocketRouteKeys.Connect ? ConnectRefusal(route) : (0, null);
            fault = refusal ?? fault;
            if (fault is not null)
            {
                faults.Add(fault);
            }

            routes[route.RouteKey] = new WebSocketRoute(route.RouteKey, integration, twoWay, fault, refusalStatus)
            {
                Throttle = StageThrottles.ForRoute(runtime.ApiId, runtime.Stage.StageName, route.RouteKey, runtime.Stage.DefaultRouteSettings, runtime.Stage.RouteSettings),
            };
        }

        return table;
    }

    internal WebSocketRoute? Find(string routeKey) => _routes.GetValueOrDefault(routeKey);

    // What the edge cannot authorize fails closed, as HTTP API routes do (Lambda authorizers come with
    // their own issue); the fault is logged once, when the table is compiled. An API key $connect
    // requires is checked by the edge before this grain hears of the connect (WebSocketConnectApiKey).
    private static (int Status, string? Fault) ConnectRefusal(RouteDefinition route) => route.AuthorizationType switch
    {
        "AWS_IAM" => (403, "$connect: AWS_IAM authorization is not evaluated by the edge; connections are refused with 403"),
        "CUSTOM" => (500, $"$connect: Lambda authorizer {route.AuthorizerId} cannot be invoked by the edge; connections are answered 500"),
        _ => (0, null),
    };

    // A template that does not compile is a fault found now, not a 500 found by the first client.
    private string? CompileTemplates(IntegrationDefinition integration, IEnumerable<IntegrationResponseDefinition>? responses)
    {
        var templates = (integration.RequestTemplates?.Values ?? Enumerable.Empty<string>())
            .Concat((responses ?? []).SelectMany(r => r.ResponseTemplates?.Values ?? Enumerable.Empty<string>()));
        foreach (var template in templates)
        {
            try
            {
                Templates.GetOrCompile(TemplatesKey, template);
            }
            catch (VtlParseException e)
            {
                return "a mapping template does not compile: " + e.Message;
            }
        }

        return null;
    }
}
