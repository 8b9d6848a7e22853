namespace OrleansGateway.RestApis;

/// <summary>
/// What a REST deployment froze: the API, its resource tree (methods, integrations and their
/// responses inside), models, request validators, gateway responses and authorizers at the moment
/// it was created. Immutable once written; stages (and canaries) point at one.
/// </summary>
[GenerateSerializer, Immutable, Alias("gw.RestDeploymentSnapshot")]
public sealed record RestDeploymentSnapshot
{
    [Id(0)] public required RestDeployment Deployment { get; init; }
    [Id(1)] public required RestApiDefinition Api { get; init; }
    [Id(2)] public required List<RestResource> Resources { get; init; }
    [Id(3)] public required List<RestModel> Models { get; init; }
    [Id(4)] public required List<RestRequestValidator> RequestValidators { get; init; }

    /// <summary>Only the responses the API customised; the defaults are core's.</summary>
    [Id(5)] public required List<RestGatewayResponse> GatewayResponses { get; init; }
    [Id(6)] public required List<RestAuthorizer> Authorizers { get; init; }
}
