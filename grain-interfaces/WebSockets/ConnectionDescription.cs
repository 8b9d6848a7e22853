namespace OrleansGateway.WebSockets;

/// <summary>apigatewaymanagementapi <c>GetConnection</c>'s answer, as the edge holding the socket knows it.</summary>
[GenerateSerializer, Immutable, Alias("gw.ConnectionDescription")]
public sealed record ConnectionDescription
{
    [Id(0)] public required DateTimeOffset ConnectedAt { get; init; }

    [Id(1)] public required DateTimeOffset LastActiveAt { get; init; }

    [Id(2)] public string? SourceIp { get; init; }

    [Id(3)] public string? UserAgent { get; init; }
}
