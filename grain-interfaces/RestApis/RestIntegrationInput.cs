namespace OrleansGateway.RestApis;

/// <summary>The body of PutIntegration (botocore calls <see cref="HttpMethod"/> <c>integrationHttpMethod</c>; the wire says <c>httpMethod</c>). Member names are the wire names.</summary>
[GenerateSerializer, Immutable, Alias("gw.RestIntegrationInput")]
public sealed record RestIntegrationInput
{
    [Id(0)] public string? Type { get; init; }
    [Id(1)] public string? HttpMethod { get; init; }
    [Id(2)] public string? Uri { get; init; }
    [Id(3)] public string? ConnectionType { get; init; }
    [Id(4)] public string? ConnectionId { get; init; }
    [Id(5)] public string? Credentials { get; init; }
    [Id(6)] public Dictionary<string, string>? RequestParameters { get; init; }
    [Id(7)] public Dictionary<string, string>? RequestTemplates { get; init; }
    [Id(8)] public string? PassthroughBehavior { get; init; }
    [Id(9)] public string? CacheNamespace { get; init; }
    [Id(10)] public List<string>? CacheKeyParameters { get; init; }
    [Id(11)] public string? ContentHandling { get; init; }
    [Id(12)] public int? TimeoutInMillis { get; init; }
    [Id(13)] public RestTlsConfig? TlsConfig { get; init; }
}
