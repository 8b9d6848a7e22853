namespace OrleansGateway.ApiKeys;

/// <summary>The account's API keys by ID, and the version every change bumps.</summary>
[GenerateSerializer, Alias("gw.ApiKeyRegistryState")]
public sealed class ApiKeyRegistryState
{
    [Id(0)] public Dictionary<string, ApiKey> Keys { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public long Version { get; set; }
}
