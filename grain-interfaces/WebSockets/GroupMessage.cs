namespace OrleansGateway.WebSockets;

/// <summary>One group send as it travels on the group's stream; each edge that delivers it reports back under <see cref="SendId"/>.</summary>
[GenerateSerializer, Immutable, Alias("gw.GroupMessage")]
public sealed class GroupMessage
{
    [Id(0)] public required Guid SendId { get; init; }

    [Id(1)] public required byte[] Payload { get; init; }
}
