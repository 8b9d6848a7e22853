namespace OrleansGateway.RestApis;

/// <summary>A method on a resource (apigateway <c>Method</c>) with its method responses and integration.</summary>
[GenerateSerializer, Immutable, Alias("gw.RestMethod")]
public sealed record RestMethod
{
    [Id(0)] public required string HttpMethod { get; init; }
    [Id(1)] public string? AuthorizationType { get; init; }
    [Id(2)] public string? AuthorizerId { get; init; }
    [Id(3)] public bool ApiKeyRequired { get; init; }
    [Id(4)] public string? RequestValidatorId { get; init; }
    [Id(5)] public string? OperationName { get; init; }
    [Id(6)] public Dictionary<string, bool>? RequestParameters { get; init; }
    [Id(7)] public Dictionary<string, string>? RequestModels { get; init; }
    [Id(8)] public Dictionary<string, RestMethodResponse>? MethodResponses { get; init; }
    [Id(9)] public RestIntegration? MethodIntegration { get; init; }
    [Id(10)] public List<string>? AuthorizationScopes { get; init; }
}
