namespace OrleansGateway.Vtl.Syntax;

/// <summary>The built-in variable a reference's root names, resolved once when the template is parsed.</summary>
internal enum BuiltinVariable
{
    None,
    Input,
    Util,
    Context,
    StageVariables,
    Foreach,
    VelocityCount,
    VelocityHasNext,
}
