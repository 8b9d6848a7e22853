using System.Globalization;

namespace OrleansGateway.Vtl.Values;

/// <summary>The <c>java.lang.String</c> methods templates call, with Java's argument rules and exceptions.</summary>
internal static class StringMethods
{
    public static bool TryInvoke(string s, string name, ReadOnlySpan<object?> args, out object? result)
    {
        result = null;
        switch (args.Length)
        {
            case 0:
                return TryInvoke0(s, name, out result);
            case 1:
                return TryInvoke1(s, name, args[0], out result);
            case 2:
                return TryInvoke2(s, name, args[0], args[1], out result);
            default:
                return false;
        }
    }

    private static bool TryInvoke0(string s, string name, out object? result)
    {
        result = name switch
        {
            "length" => s.Length,
            "isEmpty" => s.Length == 0,
            "toLowerCase" => s.ToLowerInvariant(),
            "toUpperCase" => s.ToUpperInvariant(),
            "trim" => JavaTrim(s),
            "toString" or "intern" => s,
            "hashCode" => JavaHashCode(s),
            "isBlank" => JavaTrim(s).Length == 0,
            _ => null,
        };
        return result is not null;
    }

    private static bool TryInvoke1(string s, string name, object? arg, out object? result)
    {
        result = null;
        switch (name)
        {
            case "equals":
                result = arg is string other && string.Equals(s, other, StringComparison.Ordinal);
                return true;
            case "equalsIgnoreCase":
                result = arg is string o2 && string.Equals(s, o2, StringComparison.OrdinalIgnoreCase);
                return true;
            case "charAt" when JavaValues.TryGetInt(arg, out var at):
                if ((uint)at >= (uint)s.Length)
                {
                    throw OutOfRange(at);
                }

                result = s[at];
                return true;
            case "substring" when JavaValues.TryGetInt(arg, out var begin):
                if (begin < 0 || begin > s.Length)
                {
                    throw OutOfRange(s.Length - begin);
                }

                result = s[begin..];
                return true;
            case "indexOf":
                return TryIndexOf(s, arg, 0, last: false, out result);
            case "lastIndexOf":
                return TryIndexOf(s, arg, s.Length, last: true, out result);
            case "split" when arg is string pattern:
                result = new JavaArray(JavaRegex.Split(s, pattern, 0));
                return true;
            case "matches" when arg is string regex:
                result = JavaRegex.Matches(s, regex);
                return true;
            case "concat" when arg is string tail:
                JavaValues.CheckTextLength((long)s.Length + tail.Length);
                result = s + tail;
                return true;
            case "compareTo" when arg is string other3:
                result = JavaCompare(s, other3);
                return true;
            case "compareToIgnoreCase" when arg is string other4:
                result = JavaCompare(s.ToUpperInvariant().ToLowerInvariant(), other4.ToUpperInvariant().ToLowerInvariant());
                return true;
        }

        if (name is "contains" or "startsWith" or "endsWith" or "concat" or "compareTo" or "split" or "matches")
        {
            if (arg is null)
            {
                throw new VtlRenderException($"NullPointerException calling String.{name}");
            }

            if (arg is not string text)
            {
                return false;
            }

            result = name switch
            {
                "contains" => s.Contains(text, StringComparison.Ordinal),
                "startsWith" => s.StartsWith(text, StringComparison.Ordinal),
                _ => s.EndsWith(text, StringComparison.Ordinal),
            };
            return true;
        }

        return false;
    }

    private static bool TryInvoke2(string s, string name, object? a, object? b, out object? result)
    {
        result = null;
        switch (name)
        {
            case "substring" when JavaValues.TryGetInt(a, out var begin) && JavaValues.TryGetInt(b, out var end):
                if (begin < 0)
                {
                    throw OutOfRange(begin);
                }

                if (end > s.Length)
                {
                    throw OutOfRange(end);
                }

                if (begin > end)
                {
                    throw OutOfRange(end - begin);
                }

                result = s[begin..end];
                return true;
            case "indexOf" when JavaValues.TryGetInt(b, out var from):
                return TryIndexOf(s, a, from, last: false, out result);
            case "lastIndexOf" when JavaValues.TryGetInt(b, out var from2):
                return TryIndexOf(s, a, from2, last: true, out result);
            case "startsWith" when a is string prefix && JavaValues.TryGetInt(b, out var offset):
                result = offset >= 0 && offset <= s.Length && s.AsSpan(offset).StartsWith(prefix, StringComparison.Ordinal);
                return true;
            case "split" when a is string pattern && JavaValues.TryGetInt(b, out var limit):
                result = new JavaArray(JavaRegex.Split(s, pattern, limit));
                return true;
            case "replace":
                return TryReplace(s, a, b, out result);
            case "replaceAll" or "replaceFirst":
                if (a is null || b is null)
                {
                    throw new VtlRenderException($"NullPointerException calling String.{name}");
                }

                if (a is not string regex || b is not string replacement)
                {
                    return false;
                }

                result = name == "replaceAll"
                    ? JavaRegex.ReplaceAll(s, regex, replacement)
                    : JavaRegex.ReplaceFirst(s, regex, replacement);
                return true;
            default:
                return false;
        }
    }

    private static bool TryReplace(string s, object? a, object? b, out object? result)
    {
        result = null;
        if (a is char oldChar && b is char newChar)
        {
            result = s.Replace(oldChar, newChar);
            return true;
        }

        if (a is null || b is null)
        {
            throw new VtlRenderException("NullPointerException calling String.replace");
        }

        if (a is not (string or char) || b is not (string or char))
        {
            return false;
        }

        var target = JavaFormatter.ToJavaString(a);
        var replacement = JavaFormatter.ToJavaString(b);
        // The result's length is known before it is built: a long replacement of a frequent target is refused, not allocated.
        var matches = target.Length == 0 ? s.Length + 1L : CountOrdinal(s, target);
        JavaValues.CheckTextLength(s.Length + (matches * (replacement.Length - target.Length)));
        if (target.Length == 0)
        {
            // Java inserts the replacement before every char and at the end; .NET rejects an empty target.
            var builder = new System.Text.StringBuilder(s.Length * (replacement.Length + 1) + replacement.Length);
            foreach (var c in s)
            {
                builder.Append(replacement).Append(c);
            }

            result = builder.Append(replacement).ToString();
            return true;
        }

        result = s.Replace(target, replacement, StringComparison.Ordinal);
        return true;
    }

    private static long CountOrdinal(string s, string target)
    {
        var count = 0L;
        for (var at = s.IndexOf(target, StringComparison.Ordinal); at >= 0; at = s.IndexOf(target, at + target.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static bool TryIndexOf(string s, object? needle, int from, bool last, out object? result)
    {
        result = null;
        string? text = needle switch
        {
            string str => str,
            char c => c.ToString(),
            _ when JavaValues.TryGetInt(needle, out var code) && code is >= 0 and <= char.MaxValue => ((char)code).ToString(),
            null => throw new VtlRenderException("NullPointerException calling String.indexOf"),
            _ => null,
        };
        if (text is null)
        {
            return false;
        }

        if (!last)
        {
            from = Math.Max(from, 0);
            result = from > s.Length ? (text.Length == 0 ? s.Length : -1) : s.IndexOf(text, from, StringComparison.Ordinal);
            return true;
        }

        if (from < 0)
        {
            result = -1;
            return true;
        }

        var start = Math.Min(from, s.Length - text.Length);
        if (start < 0)
        {
            result = -1;
            return true;
        }

        result = s.AsSpan(0, start + text.Length).LastIndexOf(text, StringComparison.Ordinal);
        return true;
    }

    /// <summary>Java's <c>trim</c> removes every char up to U+0020, not Unicode white space.</summary>
    public static string JavaTrim(string s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && s[start] <= ' ')
        {
            start++;
        }

        while (end > start && s[end - 1] <= ' ')
        {
            end--;
        }

        return start == 0 && end == s.Length ? s : s[start..end];
    }

    /// <summary>Java's <c>compareTo</c>: the first differing chars' difference, else the length difference.</summary>
    public static int JavaCompare(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return a[i] - b[i];
            }
        }

        return a.Length - b.Length;
    }

    public static int JavaHashCode(string s)
    {
        var hash = 0;
        foreach (var c in s)
        {
            hash = unchecked((31 * hash) + c);
        }

        return hash;
    }

    private static VtlRenderException OutOfRange(int index) =>
        new("String index out of range: " + index.ToString(CultureInfo.InvariantCulture));
}
