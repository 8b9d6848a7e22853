namespace OrleansGateway.RestApis;

/// <summary>A REST deployment's stored snapshot; null when the deployment does not exist.</summary>
[GenerateSerializer, Alias("gw.RestDeploymentState")]
public sealed class RestDeploymentState
{
    [Id(0)] public RestDeploymentSnapshot? Snapshot { get; set; }
}
