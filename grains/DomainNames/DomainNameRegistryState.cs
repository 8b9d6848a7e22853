namespace OrleansGateway.DomainNames;

/// <summary>Every custom domain name, and its API mappings by mapping id.</summary>
[GenerateSerializer, Alias("gw.DomainNameRegistryState")]
public sealed class DomainNameRegistryState
{
    [Id(0)] public Dictionary<string, DomainNameDefinition> DomainNames { get; set; } = new();
    [Id(1)] public Dictionary<string, Dictionary<string, ApiMappingDefinition>> ApiMappings { get; set; } = new();
}
