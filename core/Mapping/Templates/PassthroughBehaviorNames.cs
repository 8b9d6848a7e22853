namespace OrleansGateway.Mapping.Templates;

/// <summary>The wire names of <see cref="PassthroughBehavior"/>.</summary>
public static class PassthroughBehaviorNames
{
    public const string WhenNoMatch = "WHEN_NO_MATCH";
    public const string WhenNoTemplates = "WHEN_NO_TEMPLATES";
    public const string Never = "NEVER";

    /// <summary>Reads a wire value; absent means <c>WHEN_NO_MATCH</c>, AWS's default.</summary>
    public static PassthroughBehavior Parse(string? value) => value switch
    {
        null or "" or WhenNoMatch => PassthroughBehavior.WhenNoMatch,
        WhenNoTemplates => PassthroughBehavior.WhenNoTemplates,
        Never => PassthroughBehavior.Never,
        _ => throw new ArgumentException($"Unknown passthroughBehavior '{value}'.", nameof(value)),
    };

    public static string ToWire(PassthroughBehavior behavior) => behavior switch
    {
        PassthroughBehavior.WhenNoTemplates => WhenNoTemplates,
        PassthroughBehavior.Never => Never,
        _ => WhenNoMatch,
    };
}
