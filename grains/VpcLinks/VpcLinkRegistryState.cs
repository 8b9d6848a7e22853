namespace OrleansGateway.VpcLinks;

/// <summary>The account's VPC links by ID.</summary>
[GenerateSerializer, Alias("gw.VpcLinkRegistryState")]
public sealed class VpcLinkRegistryState
{
    [Id(0)] public Dictionary<string, VpcLink> Links { get; set; } = new(StringComparer.Ordinal);
}
