namespace OrleansGateway.UsagePlans;

/// <summary>A usage plan's or API stage's throttle (apigateway <c>ThrottleSettings</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.UsagePlanThrottle")]
public sealed record UsagePlanThrottle
{
    [Id(0)] public int? BurstLimit { get; init; }
    [Id(1)] public double? RateLimit { get; init; }
}
