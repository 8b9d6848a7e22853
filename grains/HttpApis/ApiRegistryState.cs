namespace OrleansGateway.HttpApis;

/// <summary>The ids of every API that exists.</summary>
[GenerateSerializer, Alias("gw.ApiRegistryState")]
public sealed class ApiRegistryState
{
    [Id(0)] public HashSet<string> ApiIds { get; set; } = new();
}
