using System.Collections;

namespace OrleansGateway.Vtl.Values;

/// <summary>
/// Velocity's introspection over the engine's value model: <c>$a.name</c>, <c>$a.name(args)</c> and
/// <c>$a[index]</c>. Anything that finds no member yields null, as an unresolvable reference does in Velocity.
/// </summary>
internal static class MemberAccess
{
    public static object? GetProperty(object target, string name)
    {
        switch (target)
        {
            case JsonMap json:
                // Parsed JSON objects are the usual target; an exact-type test is cheaper than the interface ones.
                return json.GetValueOrNull(name);
            case IVtlHostObject host:
                return host.TryGetProperty(name, out var value) ? value : null;
            case IDictionary map:
                return map[name];
            case string s:
                return name == "empty" ? s.Length == 0 : null;
            case ICollection collection:
                return name == "empty" ? collection.Count == 0 : null;
            default:
                return null;
        }
    }

    /// <summary>Calls a method; false when the target has no such method (the reference is then null).</summary>
    public static bool TryInvoke(object target, string name, ReadOnlySpan<object?> args, out object? result)
    {
        switch (target)
        {
            case IVtlHostObject host:
                return host.TryInvoke(name, args, out result);
            case string s:
                return StringMethods.TryInvoke(s, name, args, out result);
            case IDictionary map:
                return MapMethods.TryInvoke(map, name, args, out result);
            case IList list:
                return ListMethods.TryInvoke(list, name, args, out result);
            default:
                return TryInvokeScalar(JavaValues.Normalize(target)!, name, args, out result);
        }
    }

    /// <summary>Velocity 1.7's index: lists count negative indexes from the end, maps look the key up.</summary>
    public static object? GetIndex(object target, object? index)
    {
        switch (target)
        {
            case IDictionary map:
                return MapMethods.Get(map, index);
            case IList list when JavaValues.TryGetInt(index, out var i):
                return ListMethods.Get(list, i < 0 ? i + list.Count : i);
            case JavaArray array when JavaValues.TryGetInt(index, out var j):
                var at = j < 0 ? j + array.Count : j;
                if ((uint)at >= (uint)array.Count)
                {
                    throw new VtlRenderException($"Index: {j}, Size: {array.Count}");
                }

                return array[at];
            case IVtlHostObject host:
                return host.TryInvoke("get", [index], out var result) ? result : null;
            default:
                return null;
        }
    }

    private static bool TryInvokeScalar(object target, string name, ReadOnlySpan<object?> args, out object? result)
    {
        result = null;
        if (args.Length == 1 && name == "equals")
        {
            result = JavaValues.JavaEquals(target, args[0]);
            return true;
        }

        if (args.Length == 1 && name == "compareTo" && JavaValues.IsNumber(target))
        {
            result = JavaMath.Compare(target, args[0]) ?? throw new VtlRenderException("compareTo requires a number");
            return true;
        }

        if (args.Length != 0)
        {
            return false;
        }

        result = (name, target) switch
        {
            ("toString", _) => JavaFormatter.ToJavaString(target),
            ("intValue", int i) => i,
            ("intValue", long l) => unchecked((int)l),
            ("intValue", double d) => double.IsNaN(d) ? 0 : (int)Math.Clamp(Math.Truncate(d), int.MinValue, int.MaxValue),
            ("longValue", int i) => (long)i,
            ("longValue", long l) => l,
            ("longValue", double d) => double.IsNaN(d) ? 0L : (long)Math.Clamp(Math.Truncate(d), long.MinValue, long.MaxValue),
            ("doubleValue" or "floatValue", int i) => (double)i,
            ("doubleValue" or "floatValue", long l) => (double)l,
            ("doubleValue" or "floatValue", double d) => d,
            ("booleanValue", bool b) => b,
            ("hashCode", int i) => i,
            ("hashCode", bool b) => b ? 1231 : 1237,
            _ => null,
        };
        return result is not null;
    }
}
