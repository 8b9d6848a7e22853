namespace OrleansGateway.Edges;

/// <summary>What an edge gets when it joins: its ID (never handed out twice) and the key that signs connection IDs.</summary>
[GenerateSerializer, Immutable, Alias("gw.EdgeRegistration")]
public sealed record EdgeRegistration
{
    [Id(0)] public required int EdgeId { get; init; }

    /// <summary>The cluster's connection-ID key: an ID not signed with it is refused without a grain call.</summary>
    [Id(1)] public required byte[] ConnectionIdKey { get; init; }
}
