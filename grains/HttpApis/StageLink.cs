namespace OrleansGateway.HttpApis;

/// <summary>What an API remembers of each of its stages: enough to auto-deploy and to protect deployments in use.</summary>
[GenerateSerializer, Alias("gw.StageLink")]
public sealed record StageLink
{
    [Id(0)] public string? DeploymentId { get; init; }
    [Id(1)] public bool AutoDeploy { get; init; }
}
