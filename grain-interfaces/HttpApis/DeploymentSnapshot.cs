namespace OrleansGateway.HttpApis;

/// <summary>
/// What a deployment froze: the API, its routes and integrations at the moment it was created.
/// Immutable once written; stages point at one.
/// </summary>
[GenerateSerializer, Immutable, Alias("gw.DeploymentSnapshot")]
public sealed record DeploymentSnapshot
{
    [Id(0)] public required DeploymentDefinition Deployment { get; init; }
    [Id(1)] public required ApiDefinition Api { get; init; }
    [Id(2)] public required List<RouteDefinition> Routes { get; init; }
    [Id(3)] public required List<IntegrationDefinition> Integrations { get; init; }

    /// <summary>The authorizers the routes name; null in snapshots written before authorizers were deployed.</summary>
    [Id(4)] public List<AuthorizerDefinition>? Authorizers { get; init; }

    /// <summary>WebSocket route responses by route ID; null in snapshots written before they were deployed (none).</summary>
    [Id(5)] public Dictionary<string, List<RouteResponseDefinition>>? RouteResponses { get; init; }

    /// <summary>WebSocket integration responses by integration ID; null in snapshots written before they were deployed (none).</summary>
    [Id(6)] public Dictionary<string, List<IntegrationResponseDefinition>>? IntegrationResponses { get; init; }
}
