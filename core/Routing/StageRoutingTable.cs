using OrleansGateway.Authorization;
using OrleansGateway.Cors;
using OrleansGateway.HttpApis;
using OrleansGateway.Integrations;
using OrleansGateway.Throttling;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Routing;

/// <summary>
/// One deployed stage of an HTTP API, compiled for serving: its routes in a tree, integrations with
/// stage variables already substituted, and the API's CORS policy. Built once per deployment on
/// each edge; matching a request reads it without locks or allocation. A WebSocket API's stage
/// compiles to no routes (its grain dispatches them) and only says what a connect must show first
/// (<see cref="ConnectApiKey"/>).
/// </summary>
/// <remarks>
/// Matching follows AWS's "Routing API requests" for HTTP APIs: a full match of path and method
/// first (literal segments before <c>{param}</c> ones, the method's own route before <c>ANY</c>),
/// then routes with a greedy <c>{proxy+}</c> (the one reached through the most specific segments
/// first), then the <c>$default</c> route.
/// </remarks>
public sealed class StageRoutingTable
{
    /// <summary>Paths deeper than this many segments only reach the <c>$default</c> route.</summary>
    public const int MaxSegments = 128;

    private readonly RouteNode _root;
    private readonly CompiledRoute? _defaultRoute;

    private StageRoutingTable(StageRuntime runtime, RouteNode root, CompiledRoute? defaultRoute, int routeCount, HttpApiCorsPolicy? cors, IReadOnlyList<string> faults)
    {
        ApiId = runtime.ApiId;
        StageName = runtime.Stage.StageName;
        Version = runtime.Version;
        DeploymentId = runtime.Deployment?.Deployment.DeploymentId;
        StageVariables = runtime.Stage.StageVariables ?? [];
        Cors = cors;
        _root = root;
        _defaultRoute = defaultRoute;
        RouteCount = routeCount;
        Faults = faults;
        ConnectApiKey = WebSocketConnectApiKey.Of(runtime.Deployment);
    }

    public string ApiId { get; }

    public string StageName { get; }

    /// <summary><see cref="StageRuntime.Version"/> this table was built from; a different one means rebuild.</summary>
    public long Version { get; }

    /// <summary>Null before the stage's first deployment: nothing is served yet.</summary>
    public string? DeploymentId { get; }

    public IReadOnlyDictionary<string, string> StageVariables { get; }

    /// <summary>The API's CORS policy as deployed, or null.</summary>
    public HttpApiCorsPolicy? Cors { get; }

    public int RouteCount { get; }

    /// <summary>
    /// Configuration this table could not serve as stored (routes left out, integrations the edge
    /// cannot call), one line each: logged once per compiled table, never per request. The control
    /// plane refuses all of these at create; old deployments may still hold them.
    /// </summary>
    public IReadOnlyList<string> Faults { get; }

    /// <summary>A WebSocket stage whose <c>$connect</c> route requires an API key: where the key comes from. Null otherwise.</summary>
    public WebSocketConnectApiKey? ConnectApiKey { get; }

    public static StageRoutingTable Create(StageRuntime runtime, TimeSpan defaultIntegrationTimeout)
    {
        var root = new RouteNode();
        CompiledRoute? defaultRoute = null;
        var count = 0;
        var faults = new List<string>();
        if (runtime.Deployment is { } snapshot && snapshot.Api.ProtocolType != ProtocolTypes.WebSocket)
        {
            var stageVariables = runtime.Stage.StageVariables;
            var integrations = new Dictionary<string, CompiledIntegration>(StringComparer.Ordinal);
            foreach (var integration in snapshot.Integrations)
            {
                integrations[integration.IntegrationId] = CompiledIntegration.Compile(integration, stageVariables, defaultIntegrationTimeout);
            }

            var authorizers = new Dictionary<string, CompiledAuthorizer>(StringComparer.Ordinal);
            foreach (var authorizer in snapshot.Authorizers ?? [])
            {
                authorizers[authorizer.AuthorizerId] = CompiledAuthorizer.Compile(authorizer);
            }

            var targeted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var definition in snapshot.Routes)
            {
                if (!RouteKey.TryParse(definition.RouteKey, out var key, out var keyError))
                {
                    faults.Add($"route {definition.RouteId} left out: {keyError}");
                    continue;
                }

                var integration = IntegrationOf(definition.Target, integrations);
                if (integration is null && definition.Target is not null)
                {
                    faults.Add($"route {definition.RouteId} ({definition.RouteKey}): target {definition.Target} is not an integration of this deployment");
                }
                else if (integration is not null && targeted.Add(integration.IntegrationId))
                {
                    faults.AddRange(integration.Faults.Select(fault => $"integration {integration.IntegrationId}: {fault}"));
                }

                var authorizer = definition.AuthorizerId is { } authorizerId ? authorizers.GetValueOrDefault(authorizerId) : null;
                if (AuthorizationFault(definition.AuthorizationType, authorizer) is { } authorizationFault)
                {
                    faults.Add($"route {definition.RouteId} ({definition.RouteKey}): {authorizationFault}");
                }
                var throttle = StageThrottles.ForRoute(
                    runtime.ApiId, runtime.Stage.StageName, definition.RouteKey, runtime.Stage.DefaultRouteSettings, runtime.Stage.RouteSettings);
                var route = new CompiledRoute(definition.RouteId, key, integration, definition.AuthorizationType,
                    authorizer, definition.AuthorizationScopes, throttle);
                count++;
                if (key.IsDefault)
                {
                    defaultRoute ??= route;
                    continue;
                }

                var node = root;
                foreach (var segment in key.Segments)
                {
                    node = segment.Kind switch
                    {
                        RouteSegmentKind.Literal => node.GetOrAddLiteral(segment.Text),
                        RouteSegmentKind.Parameter => node.GetOrAddParameter(),
                        _ => node.GetOrAddGreedy(),
                    };
                }

                if (node.AddRoute(key.Method, route) is { } kept)
                {
                    count--;
                    faults.Add($"route {definition.RouteId} ({key.Text}) left out: route {kept.RouteId} ({kept.Key.Text}) has the same method and path");
                }
            }
        }

        root.Freeze();
        var cors = HttpApiCorsPolicy.Create(runtime.Deployment?.Api.CorsConfiguration);
        faults.AddRange(cors?.Faults ?? []);
        return new StageRoutingTable(runtime, root, defaultRoute, count, cors, faults);
    }

    /// <summary>Finds the route for <paramref name="method"/> and <paramref name="path"/> (no stage, starting with <c>/</c>).</summary>
    public bool TryMatch(ReadOnlySpan<char> method, ReadOnlyMemory<char> path, out RouteMatch match)
    {
        var span = path.Span;
        if (span.Length == 1)
        {
            span = [];
        }

        Span<Range> found = stackalloc Range[MaxSegments];
        if (Find(_root, span, 0, 0, found, method, greedy: false, out var route)
            || Find(_root, span, 0, 0, found, method, greedy: true, out route))
        {
            match = new RouteMatch(route, path, Parameters(route, found));
            return true;
        }

        if (_defaultRoute is not null)
        {
            match = new RouteMatch(_defaultRoute, path, null);
            return true;
        }

        match = default;
        return false;
    }

    private static bool Find(RouteNode node, ReadOnlySpan<char> path, int position, int depth, Span<Range> found,
        ReadOnlySpan<char> method, bool greedy, out CompiledRoute route)
    {
        route = null!;
        if (position >= path.Length)
        {
            // The greedy pass only looks for greedy routes; full matches were the first pass's job.
            return !greedy && (route = node.RouteFor(method)!) is not null;
        }

        if (depth >= found.Length)
        {
            return false;
        }

        var start = position + 1;
        var length = path[start..].IndexOf('/');
        var end = length < 0 ? path.Length : start + length;
        var segment = path[start..end];
        if (node.Literal(segment) is { } literal && Find(literal, path, end, depth + 1, found, method, greedy, out route))
        {
            return true;
        }

        if (!segment.IsEmpty && node.Parameter is { } parameter)
        {
            found[depth] = start..end;
            if (Find(parameter, path, end, depth + 1, found, method, greedy, out route))
            {
                return true;
            }
        }

        if (greedy && start < path.Length && node.Greedy?.RouteFor(method) is { } greedyRoute)
        {
            found[depth] = start..path.Length;
            route = greedyRoute;
            return true;
        }

        return false;
    }

    // Ranges here are relative to the path without its lone "/" trimmed: both start at index 0.
    private static Range[]? Parameters(CompiledRoute route, Span<Range> found)
    {
        var segments = route.ParameterSegments;
        if (segments.Length == 0)
        {
            return null;
        }

        var result = new Range[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            result[i] = found[segments[i]];
        }

        return result;
    }

    // What the edge cannot authorize as configured; requests are then refused (see RouteAuthorization).
    private static string? AuthorizationFault(string? authorizationType, CompiledAuthorizer? authorizer) => authorizationType switch
    {
        null or "NONE" => null,
        "AWS_IAM" => "AWS_IAM authorization is not evaluated by the edge; requests are refused with 403",
        "JWT" when authorizer is { IsJwt: true, TokenSource: null } =>
            $"JWT authorizer {authorizer.AuthorizerId} names an identity source that is not a header or query string; requests are answered 500",
        "JWT" when authorizer is { IsJwt: true } => null,
        "CUSTOM" when authorizer is { IsJwt: false } =>
            $"Lambda authorizer {authorizer.AuthorizerId} cannot be invoked by the edge; requests with its identity sources are answered 500",
        _ => $"{authorizationType} authorization needs an authorizer of that type in the deployment; requests are answered 500",
    };

    private static CompiledIntegration? IntegrationOf(string? target, Dictionary<string, CompiledIntegration> integrations)
    {
        const string Prefix = "integrations/";
        return target is not null && target.StartsWith(Prefix, StringComparison.Ordinal)
            && integrations.TryGetValue(target[Prefix.Length..], out var integration)
                ? integration
                : null;
    }
}
