namespace OrleansGateway.ApiKeys;

/// <summary>One row of an ImportApiKeys CSV file.</summary>
public sealed record ApiKeyCsvRow(string? Name, string? Key, string? Description, bool Enabled, List<string> UsagePlanIds);
