using OrleansGateway.UsagePlans;

namespace OrleansGateway.ApiKeys;

/// <summary>
/// Every API key an edge may be shown, by value, with the usage plan covering each API stage it
/// belongs to: compiled from the API key and usage plan registries, so a client's <c>x-api-key</c>
/// is checked with a dictionary lookup and no grain call. The two registry versions it was built
/// from let the edge revalidate it cheaply.
/// </summary>
public sealed class ApiKeyTable
{
    private readonly Dictionary<string, ApiKeyEntry> _byValue;

    private ApiKeyTable(long keysVersion, long plansVersion, Dictionary<string, ApiKeyEntry> byValue)
    {
        KeysVersion = keysVersion;
        PlansVersion = plansVersion;
        _byValue = byValue;
    }

    public static ApiKeyTable Empty { get; } = new(-1, -1, new Dictionary<string, ApiKeyEntry>(StringComparer.Ordinal));

    /// <summary>The API key registry's version this table was built from.</summary>
    public long KeysVersion { get; }

    /// <summary>The usage plan registry's version this table was built from.</summary>
    public long PlansVersion { get; }

    public int Count => _byValue.Count;

    /// <summary>The key whose value a client sent, or null when no key has it.</summary>
    public ApiKeyEntry? Find(string? value) =>
        value is { Length: > 0 } && _byValue.TryGetValue(value, out var entry) ? entry : null;

    /// <summary>
    /// Builds the table. A key in several plans covering the same API stage is refused by the
    /// control plane (AWS's rule); should one slip through, the first plan by ID wins, so every edge
    /// picks the same one.
    /// </summary>
    public static ApiKeyTable Create(
        long keysVersion, long plansVersion, IEnumerable<ApiKey> keys, IEnumerable<(UsagePlan Plan, IReadOnlyCollection<string> KeyIds)> plans)
    {
        var grants = new Dictionary<string, Dictionary<(string ApiId, string Stage), ApiKeyPlanGrant>>(StringComparer.Ordinal);
        foreach (var (plan, keyIds) in plans.OrderBy(p => p.Plan.Id, StringComparer.Ordinal))
        {
            foreach (var keyId in keyIds)
            {
                if (!grants.TryGetValue(keyId, out var byStage))
                {
                    grants[keyId] = byStage = [];
                }

                foreach (var apiStage in plan.ApiStages)
                {
                    if (apiStage.ApiId is { } apiId && apiStage.Stage is { } stage)
                    {
                        byStage.TryAdd((apiId, stage), ApiKeyPlanGrant.Create(plan, apiStage, keyId));
                    }
                }
            }
        }

        var byValue = new Dictionary<string, ApiKeyEntry>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key.Value is { Length: > 0 } value)
            {
                byValue[value] = new ApiKeyEntry(key.Id, value, key.Enabled, grants.GetValueOrDefault(key.Id) ?? []);
            }
        }

        return new ApiKeyTable(keysVersion, plansVersion, byValue);
    }
}
