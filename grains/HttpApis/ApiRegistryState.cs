namespace OrleansGateway.HttpApis;

/// <summary>Every API that exists, with its protocol type, and the version edges compare.</summary>
[GenerateSerializer, Alias("gw.ApiRegistryState")]
public sealed class ApiRegistryState
{
    /// <summary>The ids of APIs recorded before protocol types were kept; moved into <see cref="Apis"/> on activation.</summary>
    [Id(0)] public HashSet<string> ApiIds { get; set; } = new();

    /// <summary>API ID → protocol type.</summary>
    [Id(1)] public Dictionary<string, string> Apis { get; set; } = new(StringComparer.Ordinal);

    [Id(2)] public long Version { get; set; }
}
