using System.Collections.Frozen;

namespace OrleansGateway.Vtl;

/// <summary>
/// What one render sees: the request or response body and parameters behind <c>$input</c>, the
/// stage's <c>$stageVariables</c>, and the <c>$context</c> tree. The template may write into
/// <see cref="Context"/> (<c>#set($context.responseOverride.status = 400)</c>), so the caller
/// reads overrides back from it after the render.
/// </summary>
public sealed class VtlRenderContext
{
    private static readonly IReadOnlyDictionary<string, string> Empty = FrozenDictionary<string, string>.Empty;

    /// <summary>The payload behind <c>$input.body</c>, <c>$input.json</c> and <c>$input.path</c>.</summary>
    public string? Body { get; init; }

    public IReadOnlyDictionary<string, string> PathParameters { get; init; } = Empty;

    public IReadOnlyDictionary<string, string> QueryString { get; init; } = Empty;

    /// <summary>Request headers; looked up exactly first, then ignoring case, as HTTP header names are.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = Empty;

    public IReadOnlyDictionary<string, string> StageVariables { get; init; } = Empty;

    /// <summary>
    /// The <c>$context</c> tree: nested <c>Dictionary&lt;string, object?&gt;</c>, lists, strings,
    /// numbers and booleans. Writes from the template (request and response overrides) land here.
    /// </summary>
    public IDictionary<string, object?> Context { get; init; } = new Dictionary<string, object?>();

    /// <summary>
    /// How a reference whose value is null renders. False (the default) writes nothing, as API Gateway
    /// does; true writes the reference's own source text, as plain Apache Velocity 1.7 does. Quiet
    /// references (<c>$!a</c>) write nothing either way.
    /// </summary>
    public bool LiteralNullReferences { get; init; }

    /// <summary>Further top-level variables, visible as <c>$name</c>; they shadow the built-in ones.</summary>
    public IDictionary<string, object?>? Variables { get; init; }
}
