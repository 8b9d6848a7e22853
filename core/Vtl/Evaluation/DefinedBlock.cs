using OrleansGateway.Vtl.Syntax;
using OrleansGateway.Vtl.Values;

namespace OrleansGateway.Vtl.Evaluation;

/// <summary>The value <c>#define</c> gives its reference: the block, rendered wherever it is used.</summary>
internal sealed class DefinedBlock(Renderer renderer, BlockNode body) : IVtlHostObject
{
    public BlockNode Body { get; } = body;

    public bool TryGetProperty(string name, out object? value)
    {
        value = null;
        return false;
    }

    public bool TryInvoke(string name, ReadOnlySpan<object?> arguments, out object? result)
    {
        result = null;
        if (name != "toString" || arguments.Length != 0)
        {
            return false;
        }

        result = ToJavaString();
        return true;
    }

    public string ToJavaString() => renderer.RenderToString(Body, isCall: true);
}
