namespace OrleansGateway.RestApis;

/// <summary>A resource of a REST API's tree (apigateway <c>Resource</c>) with its methods by HTTP verb.</summary>
[GenerateSerializer, Immutable, Alias("gw.RestResource")]
public sealed record RestResource
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string? ParentId { get; init; }
    [Id(2)] public string? PathPart { get; init; }
    [Id(3)] public required string Path { get; init; }
    [Id(4)] public Dictionary<string, RestMethod>? ResourceMethods { get; init; }
}
