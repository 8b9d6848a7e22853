namespace OrleansGateway.VpcLinks;

/// <summary>The body of apigateway <c>CreateVpcLink</c>.</summary>
[GenerateSerializer, Immutable, Alias("gw.VpcLinkInput")]
public sealed record VpcLinkInput
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Description { get; init; }
    [Id(2)] public List<string>? TargetArns { get; init; }
    [Id(3)] public Dictionary<string, string>? Tags { get; init; }
}
