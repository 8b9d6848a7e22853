namespace OrleansGateway.RestApis;

/// <summary>A REST API's stored state; <see cref="Api"/> is null when the API does not exist (never created or deleted).</summary>
[GenerateSerializer, Alias("gw.RestApiState")]
public sealed class RestApiState
{
    [Id(0)] public RestApiDefinition? Api { get; set; }

    /// <summary>Resources by ID, methods (with their integrations and responses) inside.</summary>
    [Id(1)] public Dictionary<string, RestResource> Resources { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Models by name (their names are what methods refer to).</summary>
    [Id(2)] public Dictionary<string, RestModel> Models { get; set; } = new(StringComparer.Ordinal);
    [Id(3)] public Dictionary<string, RestRequestValidator> RequestValidators { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Only the gateway responses the API customised, by response type.</summary>
    [Id(4)] public Dictionary<string, RestGatewayResponse> GatewayResponses { get; set; } = new(StringComparer.Ordinal);
    [Id(5)] public Dictionary<string, RestAuthorizer> Authorizers { get; set; } = new(StringComparer.Ordinal);
    [Id(6)] public Dictionary<string, RestDeployment> Deployments { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The names of the API's stages (each a <see cref="IRestStageGrain"/>).</summary>
    [Id(7)] public SortedSet<string> Stages { get; set; } = new(StringComparer.Ordinal);
}
