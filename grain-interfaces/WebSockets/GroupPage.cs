namespace OrleansGateway.WebSockets;

/// <summary>One page of a group's members (<c>GET @groups/{group}</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.GroupPage")]
public sealed record GroupPage
{
    [Id(0)] public required int MemberCount { get; init; }

    [Id(1)] public required List<string> ConnectionIds { get; init; }

    [Id(2)] public string? NextToken { get; init; }
}
