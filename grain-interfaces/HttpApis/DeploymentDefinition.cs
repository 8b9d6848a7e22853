namespace OrleansGateway.HttpApis;

/// <summary>A deployment's metadata (apigatewayv2 <c>Deployment</c>).</summary>
[GenerateSerializer, Alias("gw.DeploymentDefinition")]
public sealed record DeploymentDefinition
{
    [Id(0)] public required string DeploymentId { get; init; }
    [Id(1)] public string? Description { get; init; }
    [Id(2)] public DateTimeOffset CreatedDate { get; init; }
    [Id(3)] public string DeploymentStatus { get; init; } = "DEPLOYED";
    [Id(4)] public string? DeploymentStatusMessage { get; init; }
    [Id(5)] public bool AutoDeployed { get; init; }
}
