namespace OrleansGateway.RestApis;

/// <summary>A deployment's metadata (apigateway <c>Deployment</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.RestDeployment")]
public sealed record RestDeployment
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string? Description { get; init; }
    [Id(2)] public DateTimeOffset CreatedDate { get; init; }
    [Id(3)] public Dictionary<string, Dictionary<string, RestMethodSnapshot>>? ApiSummary { get; init; }
}
