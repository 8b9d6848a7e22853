namespace OrleansGateway.Vtl;

/// <summary>
/// Bounds on one template, AWS's numbers by default: a template may be at most 300 KB and a
/// <c>#foreach</c> may run at most 1,000 times. Render time and macro depth are bounded so that a
/// hostile template can never hang a request or overflow the stack.
/// </summary>
public sealed record VtlLimits
{
    public static VtlLimits Default { get; } = new();

    /// <summary>Largest template source accepted, in UTF-8 bytes.</summary>
    public int MaxTemplateBytes { get; init; } = 300 * 1024;

    /// <summary>Most iterations one <c>#foreach</c> loop may run.</summary>
    public int MaxForeachIterations { get; init; } = 1000;

    /// <summary>Longest one render may take.</summary>
    public TimeSpan MaxRenderTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Deepest nesting of macro calls and <c>#define</c> blocks (Velocity's velocimacro.max.depth).</summary>
    public int MaxCallDepth { get; init; } = 20;

    /// <summary>Largest output a render may produce, in characters.</summary>
    public int MaxOutputChars { get; init; } = 10 * 1024 * 1024;
}
