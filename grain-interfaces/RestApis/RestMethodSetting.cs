namespace OrleansGateway.RestApis;

/// <summary>A stage's settings for one method or all (<c>*/*</c>) (apigateway <c>MethodSetting</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.RestMethodSetting")]
public sealed record RestMethodSetting
{
    [Id(0)] public bool MetricsEnabled { get; init; }
    [Id(1)] public string? LoggingLevel { get; init; }
    [Id(2)] public bool DataTraceEnabled { get; init; }
    [Id(3)] public int ThrottlingBurstLimit { get; init; }
    [Id(4)] public double ThrottlingRateLimit { get; init; }
    [Id(5)] public bool CachingEnabled { get; init; }
    [Id(6)] public int CacheTtlInSeconds { get; init; }
    [Id(7)] public bool CacheDataEncrypted { get; init; }
    [Id(8)] public bool RequireAuthorizationForCacheControl { get; init; }
    [Id(9)] public string? UnauthorizedCacheControlHeaderStrategy { get; init; }
}
