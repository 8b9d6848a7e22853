namespace OrleansGateway.RestApis;

/// <summary>A stage's canary (apigateway <c>CanarySettings</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.RestCanarySettings")]
public sealed record RestCanarySettings
{
    [Id(0)] public double PercentTraffic { get; init; }
    [Id(1)] public string? DeploymentId { get; init; }
    [Id(2)] public Dictionary<string, string>? StageVariableOverrides { get; init; }
    [Id(3)] public bool UseStageCache { get; init; }
}
