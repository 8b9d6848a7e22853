using System.Collections;
using System.Globalization;

namespace OrleansGateway.Vtl.Values;

/// <summary><c>java.util.List</c> methods, with Java's overloads: <c>remove(Integer)</c> removes by index.</summary>
internal static class ListMethods
{
    public static bool TryInvoke(IList list, string name, ReadOnlySpan<object?> args, out object? result)
    {
        result = null;
        try
        {
            return args.Length switch
            {
                0 => TryInvoke0(list, name, out result),
                1 => TryInvoke1(list, name, args[0], out result),
                2 => TryInvoke2(list, name, args[0], args[1], out result),
                _ => false,
            };
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or InvalidCastException)
        {
            throw new VtlRenderException($"List.{name} failed: {e.Message}", e);
        }
    }

    public static object? Get(IList list, int index)
    {
        if ((uint)index >= (uint)list.Count)
        {
            throw OutOfRange(index, list.Count);
        }

        return list[index];
    }

    private static bool TryInvoke0(IList list, string name, out object? result)
    {
        switch (name)
        {
            case "size":
                result = list.Count;
                return true;
            case "isEmpty":
                result = list.Count == 0;
                return true;
            case "clear":
                list.Clear();
                result = "";
                return true;
            case "toString":
                result = JavaFormatter.ToJavaString(list);
                return true;
            case "hashCode":
                result = list.Count;
                return true;
            default:
                result = null;
                return false;
        }
    }

    private static bool TryInvoke1(IList list, string name, object? arg, out object? result)
    {
        result = null;
        switch (name)
        {
            case "get" when JavaValues.TryGetInt(arg, out var index):
                result = Get(list, index);
                return true;
            case "add":
                list.Add(arg);
                result = true;
                return true;
            case "contains":
                result = IndexOf(list, arg) >= 0;
                return true;
            case "indexOf":
                result = IndexOf(list, arg);
                return true;
            case "lastIndexOf":
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    if (JavaValues.JavaEquals(list[i], arg))
                    {
                        result = i;
                        return true;
                    }
                }

                result = -1;
                return true;
            case "remove" when arg is int position:
                result = Get(list, position);
                list.RemoveAt(position);
                return true;
            case "remove":
                var found = IndexOf(list, arg);
                if (found >= 0)
                {
                    list.RemoveAt(found);
                }

                result = found >= 0;
                return true;
            case "addAll" when arg is IEnumerable items and not string:
                var added = false;
                foreach (var item in items)
                {
                    list.Add(item);
                    added = true;
                }

                result = added;
                return true;
            case "equals":
                result = JavaValues.JavaEquals(list, arg);
                return true;
            default:
                return false;
        }
    }

    private static bool TryInvoke2(IList list, string name, object? a, object? b, out object? result)
    {
        result = null;
        switch (name)
        {
            case "add" when JavaValues.TryGetInt(a, out var index):
                if (index < 0 || index > list.Count)
                {
                    throw OutOfRange(index, list.Count);
                }

                list.Insert(index, b);
                result = "";
                return true;
            case "set" when JavaValues.TryGetInt(a, out var at):
                result = Get(list, at);
                list[at] = b;
                return true;
            case "subList" when JavaValues.TryGetInt(a, out var from) && JavaValues.TryGetInt(b, out var to):
                if (from < 0 || to > list.Count || from > to)
                {
                    throw new VtlRenderException($"subList({from}, {to}) out of range for size {list.Count}");
                }

                var slice = new List<object?>(to - from);
                for (var i = from; i < to; i++)
                {
                    slice.Add(list[i]);
                }

                result = slice;
                return true;
            default:
                return false;
        }
    }

    private static int IndexOf(IList list, object? value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (JavaValues.JavaEquals(list[i], value))
            {
                return i;
            }
        }

        return -1;
    }

    private static VtlRenderException OutOfRange(int index, int size) =>
        new("Index: " + index.ToString(CultureInfo.InvariantCulture) + ", Size: " + size.ToString(CultureInfo.InvariantCulture));
}
