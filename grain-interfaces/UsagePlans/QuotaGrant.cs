namespace OrleansGateway.UsagePlans;

/// <summary>Requests an edge may admit from a quota, counted as used when granted, valid until <see cref="PeriodEnd"/>.</summary>
[GenerateSerializer, Immutable, Alias("gw.QuotaGrant")]
public sealed record QuotaGrant
{
    [Id(0)] public int Granted { get; init; }

    [Id(1)] public DateTimeOffset PeriodEnd { get; init; }
}
