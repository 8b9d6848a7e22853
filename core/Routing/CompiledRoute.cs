using OrleansGateway.Integrations;

namespace OrleansGateway.Routing;

/// <summary>A route of a deployed stage with its integration, ready to serve.</summary>
public sealed class CompiledRoute
{
    internal CompiledRoute(string routeId, RouteKey key, CompiledIntegration? integration, string? authorizationType = null)
    {
        RouteId = routeId;
        Key = key;
        Integration = integration;
        AuthorizationType = authorizationType ?? "NONE";
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

    /// <summary>Path variable names in the order they appear.</summary>
    public string[] ParameterNames { get; }

    /// <summary>For each path variable, the index of its segment in the route's path.</summary>
    internal int[] ParameterSegments { get; }

    internal bool HasGreedyParameter { get; }
}
