namespace OrleansGateway.Mapping.Templates;

/// <summary>An integration's <c>passthroughBehavior</c>: what happens to a body no template maps.</summary>
public enum PassthroughBehavior
{
    /// <summary><c>WHEN_NO_MATCH</c> (the default): pass the body through when no template matches.</summary>
    WhenNoMatch,

    /// <summary><c>WHEN_NO_TEMPLATES</c>: pass through only when no templates are defined, else 415.</summary>
    WhenNoTemplates,

    /// <summary><c>NEVER</c>: 415 whenever no template matches.</summary>
    Never,
}
