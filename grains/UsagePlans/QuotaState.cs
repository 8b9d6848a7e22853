namespace OrleansGateway.UsagePlans;

/// <summary>A quota grain's persisted state: requests used per UTC day.</summary>
[GenerateSerializer, Alias("gw.QuotaState")]
public sealed class QuotaState
{
    [Id(0)] public Dictionary<DateOnly, long> Days { get; set; } = [];
}
