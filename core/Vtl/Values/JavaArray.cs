using System.Collections;
using System.Runtime.CompilerServices;

namespace OrleansGateway.Vtl.Values;

/// <summary>
/// A Java <c>String[]</c> (what <c>split</c> returns). Velocity lets templates index it, call
/// <c>size()</c>/<c>get()</c> on it and loop over it, but printing it gives Java's identity string.
/// </summary>
internal sealed class JavaArray(string[] items) : IReadOnlyList<object?>, IVtlHostObject
{
    public string[] Items { get; } = items;

    public int Count => Items.Length;

    public object? this[int index] => Items[index];

    public IEnumerator<object?> GetEnumerator()
    {
        foreach (var item in Items)
        {
            yield return item;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool TryGetProperty(string name, out object? value)
    {
        value = name == "empty" ? Items.Length == 0 : null;
        return name == "empty";
    }

    public bool TryInvoke(string name, ReadOnlySpan<object?> arguments, out object? result)
    {
        result = null;
        switch (name)
        {
            case "size" when arguments.Length == 0:
                result = Items.Length;
                return true;
            case "isEmpty" when arguments.Length == 0:
                result = Items.Length == 0;
                return true;
            case "get" when arguments.Length == 1 && JavaValues.TryGetInt(arguments[0], out var index):
                if ((uint)index >= (uint)Items.Length)
                {
                    throw new VtlRenderException($"Index: {index}, Size: {Items.Length}");
                }

                result = Items[index];
                return true;
            case "contains" when arguments.Length == 1:
                var wanted = arguments[0];
                result = Array.Exists(Items, item => JavaValues.JavaEquals(item, wanted));
                return true;
            case "toString" when arguments.Length == 0:
                result = ToJavaString();
                return true;
            default:
                return false;
        }
    }

    public string ToJavaString() =>
        "[Ljava.lang.String;@" + RuntimeHelpers.GetHashCode(this).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
}
