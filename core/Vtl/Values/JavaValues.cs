using System.Collections;

namespace OrleansGateway.Vtl.Values;

/// <summary>How Velocity 1.7 sees a value: its truth in <c>#if</c>, Java <c>equals</c>, and number kinds.</summary>
internal static class JavaValues
{
    /// <summary>Deepest nesting of maps and lists the engine walks (printing, equality, JSON).</summary>
    public const int MaxNesting = 256;

    /// <summary>
    /// Longest text the engine builds in one step (a replace, a concat, a collection printed as
    /// text or JSON), whatever the limits: shared sublists make a value's text exponential in its
    /// size, and one method call is not interrupted by the render-time check. The output limit
    /// (<see cref="VtlLimits.MaxOutputChars"/>, the same 10 M by default) usually stops it sooner.
    /// </summary>
    public const int MaxTextChars = 10 * 1024 * 1024;

    /// <summary>Most elements a list or map may grow to through template methods (add, addAll, put, putAll).</summary>
    public const int MaxCollectionElements = 1_000_000;

    /// <summary>Refuses text about to grow past <see cref="MaxTextChars"/>.</summary>
    public static void CheckTextLength(long length)
    {
        if (length > MaxTextChars)
        {
            throw new VtlRenderException($"String longer than {MaxTextChars} characters");
        }
    }

    /// <summary>Velocity 1.7: null and <c>false</c> are false; everything else, even "", is true.</summary>
    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        _ => true,
    };

    public static bool IsNumber(object? value) =>
        value is int or long or double or float or decimal or short or byte or sbyte or ushort or uint or ulong;

    public static bool IsIntegral(object? value) =>
        value is int or long or short or byte or sbyte or ushort or uint;

    /// <summary>Brings caller-supplied .NET numbers to the three kinds the engine computes with.</summary>
    public static object? Normalize(object? value) => value switch
    {
        short s => (int)s,
        byte b => (int)b,
        sbyte sb => (int)sb,
        ushort us => (int)us,
        uint ui => (long)ui,
        ulong ul => ul <= long.MaxValue ? (long)ul : (double)ul,
        float f => (double)f,
        decimal m => (double)m,
        _ => value,
    };

    /// <summary>An integer argument as Java would accept it for an <c>int</c> parameter.</summary>
    public static bool TryGetInt(object? value, out int result)
    {
        switch (value)
        {
            case int i:
                result = i;
                return true;
            case long l when l is >= int.MinValue and <= int.MaxValue:
                result = (int)l;
                return true;
            case short or byte or sbyte or ushort:
                result = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
                return true;
            default:
                result = 0;
                return false;
        }
    }

    /// <summary>Java's <c>Object.equals</c>: numbers are equal only within the same boxed type.</summary>
    public static bool JavaEquals(object? left, object? right) => JavaEquals(left, right, 0);

    private static bool JavaEquals(object? left, object? right, int depth)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || depth > MaxNesting)
        {
            return false;
        }

        left = Normalize(left);
        right = Normalize(right);
        switch (left)
        {
            case string ls:
                return right is string rs && string.Equals(ls, rs, StringComparison.Ordinal);
            case int li:
                return right is int ri && li == ri;
            case long ll:
                return right is long rl && ll == rl;
            case double ld:
                return right is double rd && ld.Equals(rd);
            case bool lb:
                return right is bool rb && lb == rb;
            case char lc:
                return right is char rc && lc == rc;
            case MapEntry le:
                return right is MapEntry re && JavaEquals(le.Key, re.Key, depth + 1) && JavaEquals(le.Value, re.Value, depth + 1);
            case IDictionary lm:
                return right is IDictionary rm && MapsEqual(lm, rm, depth);
            case IList ll2:
                return right is IList rl2 && ListsEqual(ll2, rl2, depth);
            default:
                return left!.Equals(right);
        }
    }

    private static bool MapsEqual(IDictionary left, IDictionary right, int depth)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (DictionaryEntry entry in left)
        {
            if (entry.Key is not { } key || !right.Contains(key) || !JavaEquals(entry.Value, right[key], depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ListsEqual(IList left, IList right, int depth)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!JavaEquals(left[i], right[i], depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Java's <c>hashCode</c> is never observable in API Gateway's templates except via arrays' toString.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "null",
        string => "java.lang.String",
        int => "java.lang.Integer",
        long => "java.lang.Long",
        double => "java.lang.Double",
        bool => "java.lang.Boolean",
        IDictionary => "java.util.LinkedHashMap",
        IList => "java.util.ArrayList",
        _ => value.GetType().Name,
    };
}
