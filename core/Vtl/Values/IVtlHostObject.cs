namespace OrleansGateway.Vtl.Values;

/// <summary>
/// An object the engine provides (<c>$input</c>, <c>$util</c>, <c>$foreach</c>): it answers properties and
/// method calls itself instead of through the Java-collection rules.
/// </summary>
internal interface IVtlHostObject
{
    bool TryGetProperty(string name, out object? value);

    /// <summary>False when no method of that name and arity exists, which Velocity renders as a null.</summary>
    bool TryInvoke(string name, ReadOnlySpan<object?> arguments, out object? result);

    string ToJavaString();
}
