using System.Text.Json.Serialization;

namespace OrleansGateway.UsagePlans;

/// <summary>
/// A usage plan's quota (apigateway <c>QuotaSettings</c>): <c>limit</c> requests per <c>period</c>
/// (DAY, WEEK, MONTH); in the period that holds <see cref="SetAt"/>, <c>offset</c> fewer.
/// </summary>
[GenerateSerializer, Immutable, Alias("gw.UsagePlanQuota")]
public sealed record UsagePlanQuota
{
    [Id(0)] public int? Limit { get; init; }
    [Id(1)] public int? Offset { get; init; }
    [Id(2)] public string? Period { get; init; }

    /// <summary>
    /// When the plan was created with this quota or its limit, period or offset last changed: the
    /// "initial time period" the offset applies to. Kept by the registry, never on the wire.
    /// </summary>
    [Id(3), JsonIgnore] public DateTimeOffset? SetAt { get; init; }
}
