namespace OrleansGateway.RestApis;

/// <summary>
/// A REST API's whole definition in one value: what an OpenAPI import writes in one grain call
/// and an export reads. Resource and other IDs in it are the API's own (an import's are assigned
/// by the grain).
/// </summary>
[GenerateSerializer, Immutable, Alias("gw.RestApiContent")]
public sealed record RestApiContent
{
    [Id(0)] public required RestApiDefinition Api { get; init; }
    [Id(1)] public required List<RestResource> Resources { get; init; }
    [Id(2)] public required List<RestModel> Models { get; init; }
    [Id(3)] public required List<RestRequestValidator> RequestValidators { get; init; }
    [Id(4)] public required List<RestGatewayResponse> GatewayResponses { get; init; }
    [Id(5)] public required List<RestAuthorizer> Authorizers { get; init; }
}
