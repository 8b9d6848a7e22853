namespace OrleansGateway.RestApis;

/// <summary>A stage of a REST API (apigateway <c>Stage</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.RestStage")]
public sealed record RestStage
{
    [Id(0)] public string? DeploymentId { get; init; }
    [Id(1)] public string? ClientCertificateId { get; init; }
    [Id(2)] public required string StageName { get; init; }
    [Id(3)] public string? Description { get; init; }
    [Id(4)] public bool CacheClusterEnabled { get; init; }
    [Id(5)] public string? CacheClusterSize { get; init; }
    [Id(6)] public string? CacheClusterStatus { get; init; }
    [Id(7)] public Dictionary<string, RestMethodSetting>? MethodSettings { get; init; }
    [Id(8)] public Dictionary<string, string>? Variables { get; init; }
    [Id(9)] public string? DocumentationVersion { get; init; }
    [Id(10)] public RestAccessLogSettings? AccessLogSettings { get; init; }
    [Id(11)] public RestCanarySettings? CanarySettings { get; init; }
    [Id(12)] public bool TracingEnabled { get; init; }
    [Id(13)] public string? WebAclArn { get; init; }
    [Id(14)] public Dictionary<string, string>? Tags { get; init; }
    [Id(15)] public DateTimeOffset CreatedDate { get; init; }
    [Id(16)] public DateTimeOffset? LastUpdatedDate { get; init; }
}
