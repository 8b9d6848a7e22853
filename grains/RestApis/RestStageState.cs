namespace OrleansGateway.RestApis;

/// <summary>
/// A REST stage's stored state. <see cref="Version"/> survives deletion, so an edge never sees a
/// recreated stage under a version it has already cached.
/// </summary>
[GenerateSerializer, Alias("gw.RestStageState")]
public sealed class RestStageState
{
    [Id(0)] public RestStage? Stage { get; set; }
    [Id(1)] public long Version { get; set; }

    /// <summary>Bumped by every cache flush; survives deletion like <see cref="Version"/>.</summary>
    [Id(2)] public long CacheGeneration { get; set; }
}
