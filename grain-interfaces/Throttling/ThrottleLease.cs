namespace OrleansGateway.Throttling;

/// <summary>
/// Tokens handed to one edge: it may admit <see cref="Tokens"/> requests within
/// <see cref="ValidFor"/> of receiving them, with no further grain call. Tokens not used by then are
/// dropped, so an edge cannot hoard a burst and spend it later on top of the bucket's.
/// </summary>
[GenerateSerializer, Immutable, Alias("gw.ThrottleLease")]
public readonly record struct ThrottleLease
{
    [Id(0)] public required int Tokens { get; init; }

    [Id(1)] public required TimeSpan ValidFor { get; init; }

    /// <summary>
    /// When less than a slice was granted: how long until the bucket holds a slice again. The edge
    /// asks no sooner, so a scope throttled at its limit costs each edge one call per slice, not one
    /// per refused request.
    /// </summary>
    [Id(2)] public TimeSpan RetryAfter { get; init; }
}
