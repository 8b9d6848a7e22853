namespace OrleansGateway.UsagePlans;

/// <summary>GetUsage's answer (apigateway <c>Usage</c>): per key, one <c>[used, remaining]</c> pair per day from start to end date.</summary>
[GenerateSerializer, Immutable, Alias("gw.UsagePlanUsage")]
public sealed record UsagePlanUsage
{
    [Id(0)] public required string UsagePlanId { get; init; }
    [Id(1)] public required string StartDate { get; init; }
    [Id(2)] public required string EndDate { get; init; }
    /// <summary>The model's <c>items</c>, whose wire name is <c>values</c>.</summary>
    [Id(3)] public Dictionary<string, List<List<long>>> Values { get; init; } = [];
}
