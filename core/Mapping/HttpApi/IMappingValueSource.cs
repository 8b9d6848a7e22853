namespace OrleansGateway.Mapping.HttpApi;

/// <summary>What a mapping value reads: the host (the edge) answers from the live request or response.</summary>
public interface IMappingValueSource
{
    /// <summary>The variable's value, or null when the request or response does not carry it.</summary>
    string? Resolve(MappingVariableKind kind, string name);
}
