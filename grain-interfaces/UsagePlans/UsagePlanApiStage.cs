namespace OrleansGateway.UsagePlans;

/// <summary>A REST API stage a usage plan covers (apigateway <c>ApiStage</c>), with per-method throttles keyed <c>/path/METHOD</c>.</summary>
[GenerateSerializer, Immutable, Alias("gw.UsagePlanApiStage")]
public sealed record UsagePlanApiStage
{
    [Id(0)] public string? ApiId { get; init; }
    [Id(1)] public string? Stage { get; init; }
    [Id(2)] public Dictionary<string, UsagePlanThrottle>? Throttle { get; init; }
}
