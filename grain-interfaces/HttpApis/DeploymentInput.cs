namespace OrleansGateway.HttpApis;

/// <summary>The members of apigatewayv2 <c>CreateDeployment</c> / <c>UpdateDeployment</c>; null means "not given".</summary>
[GenerateSerializer, Immutable, Alias("gw.DeploymentInput")]
public sealed record DeploymentInput
{
    [Id(0)] public string? Description { get; init; }

    /// <summary>CreateDeployment only: the stage that serves the new deployment at once.</summary>
    [Id(1)] public string? StageName { get; init; }
}
