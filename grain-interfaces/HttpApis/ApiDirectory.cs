namespace OrleansGateway.HttpApis;

/// <summary>
/// Every API that exists and its protocol type, as edges hold it so that a request naming an
/// unknown API ID is answered without a grain call. <see cref="Version"/> grows with every change.
/// </summary>
[GenerateSerializer, Immutable, Alias("gw.ApiDirectory")]
public sealed record ApiDirectory
{
    [Id(0)] public required long Version { get; init; }

    /// <summary>API ID → protocol type (<see cref="ProtocolTypes"/>).</summary>
    [Id(1)] public required Dictionary<string, string> Apis { get; init; }
}
