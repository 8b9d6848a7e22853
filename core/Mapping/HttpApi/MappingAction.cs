namespace OrleansGateway.Mapping.HttpApi;

/// <summary>The verb of a parameter-mapping key (<c>append:</c>, <c>overwrite:</c>, <c>remove:</c>).</summary>
public enum MappingAction
{
    Remove,
    Overwrite,
    Append,
}
