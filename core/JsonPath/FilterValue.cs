namespace OrleansGateway.JsonPath;

/// <summary>Markers for filter operands that are not scalars.</summary>
internal static class FilterValue
{
    /// <summary>An object or array: comparable only for existence.</summary>
    public static readonly object Structure = new();

    /// <summary>A path that matched nothing.</summary>
    public static readonly object Missing = new();
}
