namespace OrleansGateway.UsagePlans;

/// <summary>A usage plan's quota (apigateway <c>QuotaSettings</c>): <c>limit</c> requests per <c>period</c> (DAY, WEEK, MONTH), the period starting <c>offset</c> days late.</summary>
[GenerateSerializer, Immutable, Alias("gw.UsagePlanQuota")]
public sealed record UsagePlanQuota
{
    [Id(0)] public int? Limit { get; init; }
    [Id(1)] public int? Offset { get; init; }
    [Id(2)] public string? Period { get; init; }
}
