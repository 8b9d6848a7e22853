namespace OrleansGateway.Caching;

/// <summary>A REST method response as the stage's cache holds it, with when it stops being fresh.</summary>
[GenerateSerializer, Immutable, Alias("gw.CachedResponse")]
public sealed record CachedResponse
{
    [Id(0)] public required int StatusCode { get; init; }
    [Id(1)] public required Dictionary<string, string> Headers { get; init; }
    [Id(2)] public required byte[] Body { get; init; }
    [Id(3)] public required DateTimeOffset ExpiresAt { get; init; }
}
