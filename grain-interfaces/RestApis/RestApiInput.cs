namespace OrleansGateway.RestApis;

/// <summary>The body of CreateRestApi (apigateway <c>CreateRestApiRequest</c>). Member names are the wire names.</summary>
[GenerateSerializer, Immutable, Alias("gw.RestApiInput")]
public sealed record RestApiInput
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Description { get; init; }
    [Id(2)] public string? Version { get; init; }
    [Id(3)] public string? CloneFrom { get; init; }
    [Id(4)] public List<string>? BinaryMediaTypes { get; init; }
    [Id(5)] public int? MinimumCompressionSize { get; init; }
    [Id(6)] public string? ApiKeySource { get; init; }
    [Id(7)] public RestEndpointConfiguration? EndpointConfiguration { get; init; }
    [Id(8)] public string? Policy { get; init; }
    [Id(9)] public Dictionary<string, string>? Tags { get; init; }
    [Id(10)] public bool? DisableExecuteApiEndpoint { get; init; }
}
