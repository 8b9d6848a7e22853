namespace OrleansGateway.WebSockets;

/// <summary>One page of a group's members (<c>GET @groups/{group}</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.GroupPage")]
public sealed record GroupPage
{
    /// <summary>Members in a page when the caller does not say (<c>maxResults</c>).</summary>
    public const int DefaultSize = 100;

    /// <summary>The most members one page holds; a larger <c>maxResults</c> is a BadRequest.</summary>
    public const int MaxSize = 1000;

    [Id(0)] public required int MemberCount { get; init; }

    [Id(1)] public required List<string> ConnectionIds { get; init; }

    [Id(2)] public string? NextToken { get; init; }
}
