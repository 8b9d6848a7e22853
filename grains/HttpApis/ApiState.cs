namespace OrleansGateway.HttpApis;

/// <summary>An API's stored state; <see cref="Api"/> is null when the API does not exist (never created or deleted).</summary>
[GenerateSerializer, Alias("gw.ApiState")]
public sealed class ApiState
{
    [Id(0)] public ApiDefinition? Api { get; set; }
    [Id(1)] public Dictionary<string, RouteDefinition> Routes { get; set; } = new();
    [Id(2)] public Dictionary<string, IntegrationDefinition> Integrations { get; set; } = new();
    [Id(3)] public Dictionary<string, StageLink> Stages { get; set; } = new();
    [Id(4)] public Dictionary<string, DeploymentDefinition> Deployments { get; set; } = new();
    [Id(5)] public Dictionary<string, AuthorizerDefinition> Authorizers { get; set; } = new();

    /// <summary>Route responses by route id, then by route response id.</summary>
    [Id(6)] public Dictionary<string, Dictionary<string, RouteResponseDefinition>> RouteResponses { get; set; } = new();

    /// <summary>Integration responses by integration id, then by integration response id.</summary>
    [Id(7)] public Dictionary<string, Dictionary<string, IntegrationResponseDefinition>> IntegrationResponses { get; set; } = new();
}
