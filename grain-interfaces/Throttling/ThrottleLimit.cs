namespace OrleansGateway.Throttling;

/// <summary>
/// A token bucket as AWS defines its throttles: <see cref="RateLimit"/> requests per second refill
/// the bucket, which holds at most <see cref="BurstLimit"/> requests. A burst of 0 throttles every
/// request, as a stage whose burst limit is 0 does on AWS.
/// </summary>
[GenerateSerializer, Immutable, Alias("gw.ThrottleLimit")]
public readonly record struct ThrottleLimit
{
    [Id(0)] public required double RateLimit { get; init; }

    [Id(1)] public required int BurstLimit { get; init; }

    /// <summary>AWS's account-level default: 10,000 requests per second with a burst of 5,000.</summary>
    public static ThrottleLimit AccountDefault => new() { RateLimit = 10_000, BurstLimit = 5_000 };
}
