namespace OrleansGateway.UsagePlans;

/// <summary>A usage plan (apigateway <c>UsagePlan</c>); also the body of CreateUsagePlan, whose <see cref="Id"/> is ignored. Member names are the wire names.</summary>
[GenerateSerializer, Immutable, Alias("gw.UsagePlan")]
public sealed record UsagePlan
{
    [Id(0)] public string? Id { get; init; }
    [Id(1)] public string? Name { get; init; }
    [Id(2)] public string? Description { get; init; }
    [Id(3)] public List<UsagePlanApiStage> ApiStages { get; init; } = [];
    [Id(4)] public UsagePlanThrottle? Throttle { get; init; }
    [Id(5)] public UsagePlanQuota? Quota { get; init; }
    [Id(6)] public string? ProductCode { get; init; }
    [Id(7)] public Dictionary<string, string>? Tags { get; init; }
}
