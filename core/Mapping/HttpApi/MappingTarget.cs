namespace OrleansGateway.Mapping.HttpApi;

/// <summary>What a parameter-mapping key changes.</summary>
public enum MappingTarget
{
    Header,
    QueryString,
    Path,
    StatusCode,
}
