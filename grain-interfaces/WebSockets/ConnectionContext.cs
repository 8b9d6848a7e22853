namespace OrleansGateway.WebSockets;

/// <summary>
/// What the edge knew when it accepted a connection: everything a route of that connection maps
/// from (<c>$context</c>, <c>route.request.*</c>). Sent with every call, so the connection's grain
/// keeps nothing and may deactivate while the socket is idle.
/// </summary>
[GenerateSerializer, Immutable, Alias("gw.ConnectionContext")]
public sealed record ConnectionContext
{
    [Id(0)] public required string ApiId { get; init; }

    [Id(1)] public required string Stage { get; init; }

    [Id(2)] public required string ConnectionId { get; init; }

    /// <summary>The edge holding the socket (also encoded in <see cref="ConnectionId"/>).</summary>
    [Id(3)] public required int EdgeId { get; init; }

    [Id(4)] public required DateTimeOffset ConnectedAt { get; init; }

    [Id(5)] public string? SourceIp { get; init; }

    [Id(6)] public string? UserAgent { get; init; }

    /// <summary>The Host the client connected to.</summary>
    [Id(7)] public string? DomainName { get; init; }

    /// <summary>The upgrade request's headers (first value each, names lower-case); $connect only maps them.</summary>
    [Id(8)] public Dictionary<string, string>? Headers { get; init; }

    /// <summary>The upgrade request's query string (first value each).</summary>
    [Id(9)] public Dictionary<string, string>? QueryString { get; init; }

    /// <summary>The subprotocols the client offered in <c>Sec-WebSocket-Protocol</c>.</summary>
    [Id(10)] public List<string>? OfferedSubprotocols { get; init; }

    /// <summary>The API key the edge admitted the connect with (<c>$context.identity.apiKey</c>), when <c>$connect</c> requires one.</summary>
    [Id(11)] public string? ApiKey { get; init; }

    /// <summary>That key's ID (<c>$context.identity.apiKeyId</c>).</summary>
    [Id(12)] public string? ApiKeyId { get; init; }
}
