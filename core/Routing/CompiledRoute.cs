using OrleansGateway.Authorization;
using OrleansGateway.Integrations;
using OrleansGateway.Throttling;

namespace OrleansGateway.Routing;

/// <summary>A route of a deployed stage with its integration, ready to serve.</summary>
public sealed class CompiledRoute
{
    internal CompiledRoute(string routeId, RouteKey key, CompiledIntegration? integration, string? authorizationType = null,
        CompiledAuthorizer? authorizer = null, IReadOnlyList<string>? authorizationScopes = null, ScopedThrottle? throttle = null)
    {
        Throttle = throttle;
        RouteId = routeId;
        Key = key;
        Integration = integration;
        AuthorizationType = authorizationType ?? "NONE";
        Authorizer = authorizer;
        AuthorizationScopes = authorizationScopes ?? [];
        var names = new List<string>();
        var indexes = new List<int>();
        for (var i = 0; i < key.Segments.Count; i++)
        {
            if (key.Segments[i].Kind != RouteSegmentKind.Literal)
            {
                names.Add(key.Segments[i].Text);
                indexes.Add(i);
            }
        }

        ParameterNames = [.. names];
        ParameterSegments = [.. indexes];
        HasGreedyParameter = key.Segments.Count > 0 && key.Segments[^1].Kind == RouteSegmentKind.Greedy;
    }

    public string RouteId { get; }

    public RouteKey Key { get; }

    /// <summary>Null when the route has no target: there is nothing to call.</summary>
    public CompiledIntegration? Integration { get; }

    /// <summary><c>NONE</c>, <c>JWT</c>, <c>CUSTOM</c> (Lambda authorizer) or <c>AWS_IAM</c>.</summary>
    public string AuthorizationType { get; }

    /// <summary>The authorizer a <c>JWT</c> or <c>CUSTOM</c> route names; null when it names none (or a missing one).</summary>
    public CompiledAuthorizer? Authorizer { get; }

    /// <summary>The route's <c>authorizationScopes</c>: a JWT must hold at least one of them.</summary>
    public IReadOnlyList<string> AuthorizationScopes { get; }

    /// <summary>The stage's limit for this route (its <c>routeSettings</c>, else <c>defaultRouteSettings</c>); null when neither sets one.</summary>
    public ScopedThrottle? Throttle { get; }

    /// <summary>Path variable names in the order they appear.</summary>
    public string[] ParameterNames { get; }

    /// <summary>For each path variable, the index of its segment in the route's path.</summary>
    internal int[] ParameterSegments { get; }

    internal bool HasGreedyParameter { get; }
}
