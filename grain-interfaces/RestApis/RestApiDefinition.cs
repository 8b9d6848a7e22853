namespace OrleansGateway.RestApis;

/// <summary>A REST API (apigateway <c>RestApi</c>). Member names are the wire names.</summary>
[GenerateSerializer, Immutable, Alias("gw.RestApiDefinition")]
public sealed record RestApiDefinition
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public string? Description { get; init; }
    [Id(3)] public DateTimeOffset CreatedDate { get; init; }
    [Id(4)] public string? Version { get; init; }
    [Id(5)] public List<string>? Warnings { get; init; }
    [Id(6)] public List<string>? BinaryMediaTypes { get; init; }
    [Id(7)] public int? MinimumCompressionSize { get; init; }
    [Id(8)] public string? ApiKeySource { get; init; }
    [Id(9)] public RestEndpointConfiguration? EndpointConfiguration { get; init; }
    [Id(10)] public string? Policy { get; init; }
    [Id(11)] public Dictionary<string, string>? Tags { get; init; }
    [Id(12)] public bool DisableExecuteApiEndpoint { get; init; }
    [Id(13)] public required string RootResourceId { get; init; }
}
