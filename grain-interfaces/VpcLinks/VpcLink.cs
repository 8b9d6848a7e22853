namespace OrleansGateway.VpcLinks;

/// <summary>A VPC link of REST APIs (apigateway <c>VpcLink</c>), stored only: member names are the wire names.</summary>
[GenerateSerializer, Immutable, Alias("gw.VpcLink")]
public sealed record VpcLink
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string? Name { get; init; }
    [Id(2)] public string? Description { get; init; }
    [Id(3)] public List<string>? TargetArns { get; init; }
    [Id(4)] public string? Status { get; init; }
    [Id(5)] public string? StatusMessage { get; init; }
    [Id(6)] public Dictionary<string, string>? Tags { get; init; }
}
