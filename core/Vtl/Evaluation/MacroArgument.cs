namespace OrleansGateway.Vtl.Evaluation;

/// <summary>A macro parameter's value and the caller's source text, which a null value renders as.</summary>
internal readonly record struct MacroArgument(object? Value, string SourceText);
