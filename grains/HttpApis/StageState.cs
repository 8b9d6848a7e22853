namespace OrleansGateway.HttpApis;

/// <summary>
/// A stage's stored state. <see cref="Version"/> survives deletion, so an edge never sees a
/// recreated stage under a version it has already cached.
/// </summary>
[GenerateSerializer, Alias("gw.StageState")]
public sealed class StageState
{
    [Id(0)] public StageDefinition? Stage { get; set; }
    [Id(1)] public long Version { get; set; }
}
