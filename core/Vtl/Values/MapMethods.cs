using System.Collections;

namespace OrleansGateway.Vtl.Values;

/// <summary>
/// <c>java.util.Map</c> methods on any dictionary a template sees. Keys are strings in this engine (JSON
/// objects, <c>$context</c>, map literals), so a key argument is looked up by its Java string form.
/// </summary>
internal static class MapMethods
{
    public static bool TryInvoke(IDictionary map, string name, ReadOnlySpan<object?> args, out object? result)
    {
        result = null;
        try
        {
            return args.Length switch
            {
                0 => TryInvoke0(map, name, out result),
                1 => TryInvoke1(map, name, args[0], out result),
                2 => TryInvoke2(map, name, args[0], args[1], out result),
                _ => false,
            };
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or InvalidCastException)
        {
            throw new VtlRenderException($"Map.{name} failed: {e.Message}", e);
        }
    }

    public static object? Get(IDictionary map, object? key) => key is null ? null : map[KeyOf(key)];

    public static object KeyOf(object key) => key as string ?? JavaFormatter.ToJavaString(key);

    private static bool TryInvoke0(IDictionary map, string name, out object? result)
    {
        switch (name)
        {
            case "size":
                result = map.Count;
                return true;
            case "isEmpty":
                result = map.Count == 0;
                return true;
            case "keySet":
                result = Snapshot(map.Keys);
                return true;
            case "values":
                result = Snapshot(map.Values);
                return true;
            case "entrySet":
                var entries = new List<object?>(map.Count);
                foreach (DictionaryEntry entry in map)
                {
                    entries.Add(new MapEntry(entry.Key, entry.Value));
                }

                result = entries;
                return true;
            case "clear":
                map.Clear();
                result = "";
                return true;
            case "toString":
                result = JavaFormatter.ToJavaString(map);
                return true;
            case "hashCode":
                result = map.Count;
                return true;
            default:
                result = null;
                return false;
        }
    }

    private static bool TryInvoke1(IDictionary map, string name, object? arg, out object? result)
    {
        result = null;
        switch (name)
        {
            case "get":
                result = Get(map, arg);
                return true;
            case "containsKey":
                result = arg is not null && map.Contains(KeyOf(arg));
                return true;
            case "containsValue":
                foreach (var value in map.Values)
                {
                    if (JavaValues.JavaEquals(value, arg))
                    {
                        result = true;
                        return true;
                    }
                }

                result = false;
                return true;
            case "remove":
                if (arg is null)
                {
                    return true;
                }

                var key = KeyOf(arg);
                result = map[key];
                map.Remove(key);
                return true;
            case "putAll" when arg is IDictionary other:
                foreach (DictionaryEntry entry in other)
                {
                    map[KeyOf(entry.Key)] = entry.Value;
                }

                result = "";
                return true;
            case "equals":
                result = JavaValues.JavaEquals(map, arg);
                return true;
            default:
                return false;
        }
    }

    private static bool TryInvoke2(IDictionary map, string name, object? a, object? b, out object? result)
    {
        result = null;
        switch (name)
        {
            case "put":
                if (a is null)
                {
                    return true;
                }

                var key = KeyOf(a);
                result = map[key];
                map[key] = b;
                return true;
            case "putIfAbsent":
                if (a is null)
                {
                    return true;
                }

                var k2 = KeyOf(a);
                result = map[k2];
                if (result is null)
                {
                    map[k2] = b;
                }

                return true;
            case "getOrDefault":
                result = a is not null && map.Contains(KeyOf(a)) ? map[KeyOf(a)] : b;
                return true;
            default:
                return false;
        }
    }

    private static List<object?> Snapshot(ICollection items)
    {
        var list = new List<object?>(items.Count);
        foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
