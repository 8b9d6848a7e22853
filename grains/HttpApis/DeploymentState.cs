namespace OrleansGateway.HttpApis;

/// <summary>A deployment's stored state: its snapshot, null before creation and after deletion.</summary>
[GenerateSerializer, Alias("gw.DeploymentState")]
public sealed class DeploymentState
{
    [Id(0)] public DeploymentSnapshot? Snapshot { get; set; }
}
