namespace OrleansGateway.RestApis;

/// <summary>A CreateDeployment's canary (apigateway <c>DeploymentCanarySettings</c>). Member names are the wire names.</summary>
[GenerateSerializer, Immutable, Alias("gw.RestDeploymentCanaryInput")]
public sealed record RestDeploymentCanaryInput
{
    [Id(0)] public double? PercentTraffic { get; init; }
    [Id(1)] public Dictionary<string, string>? StageVariableOverrides { get; init; }
    [Id(2)] public bool? UseStageCache { get; init; }
}
