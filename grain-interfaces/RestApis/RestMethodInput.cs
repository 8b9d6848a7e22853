namespace OrleansGateway.RestApis;

/// <summary>The body of PutMethod. Member names are the wire names.</summary>
[GenerateSerializer, Immutable, Alias("gw.RestMethodInput")]
public sealed record RestMethodInput
{
    [Id(0)] public string? AuthorizationType { get; init; }
    [Id(1)] public string? AuthorizerId { get; init; }
    [Id(2)] public bool? ApiKeyRequired { get; init; }
    [Id(3)] public string? OperationName { get; init; }
    [Id(4)] public Dictionary<string, bool>? RequestParameters { get; init; }
    [Id(5)] public Dictionary<string, string>? RequestModels { get; init; }
    [Id(6)] public string? RequestValidatorId { get; init; }
    [Id(7)] public List<string>? AuthorizationScopes { get; init; }
}
