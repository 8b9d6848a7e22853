namespace OrleansGateway.HttpApis;

/// <summary>An API as the data plane sees it before picking a stage.</summary>
[GenerateSerializer, Immutable, Alias("gw.ApiRuntimeSummary")]
public sealed record ApiRuntimeSummary
{
    [Id(0)] public required string ApiId { get; init; }
    [Id(1)] public required string ProtocolType { get; init; }
    [Id(2)] public required List<string> StageNames { get; init; }
    [Id(3)] public bool DisableExecuteApiEndpoint { get; init; }
}
