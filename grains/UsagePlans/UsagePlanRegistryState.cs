namespace OrleansGateway.UsagePlans;

/// <summary>The account's usage plans by ID, each plan's API key IDs, the keys' daily request counts, and the version every change bumps.</summary>
[GenerateSerializer, Alias("gw.UsagePlanRegistryState")]
public sealed class UsagePlanRegistryState
{
    [Id(0)] public Dictionary<string, UsagePlan> Plans { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public Dictionary<string, SortedSet<string>> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Requests counted by <c>planId/keyId</c>, then by day (yyyy-MM-dd).</summary>
    [Id(2)] public Dictionary<string, Dictionary<string, long>> Used { get; set; } = new(StringComparer.Ordinal);
    [Id(3)] public long Version { get; set; }
}
