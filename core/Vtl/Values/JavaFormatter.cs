using System.Collections;
using System.Globalization;
using System.Text;
using OrleansGateway.Vtl.ApiGateway;

namespace OrleansGateway.Vtl.Values;

/// <summary>
/// Java's <c>toString()</c> for the values a template sees, because that is what Velocity writes:
/// <c>{a=1, b=2}</c> for maps, <c>[1, 2]</c> for lists, <c>1.0E10</c> for doubles.
/// </summary>
internal static class JavaFormatter
{
    /// <summary>Room for any double in plain notation, with the ".0" that Java adds to whole numbers.</summary>
    public const int PlainBufferLength = 40;

    private static readonly string[] SmallIntegers = CreateSmallIntegers();

    public static string ToJavaString(object? value)
    {
        switch (value)
        {
            case null:
                return "null";
            case string s:
                return s;
            case int i:
                return (uint)i < (uint)SmallIntegers.Length ? SmallIntegers[i] : i.ToString(CultureInfo.InvariantCulture);
            case bool b:
                return b ? "true" : "false";
            case double d:
                return FormatDouble(d);
            case long l:
                return l.ToString(CultureInfo.InvariantCulture);
            case IVtlHostObject host:
                return host.ToJavaString();
            default:
                var builder = new StringBuilder();
                Append(builder, value, 0);
                return builder.ToString();
        }
    }

    /// <summary>Appends the Java form of a value; nested collections recurse with a depth bound.</summary>
    public static void Append(StringBuilder builder, object? value, int depth)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                return;
            case string s:
                builder.Append(s);
                return;
            case int i:
                builder.Append(i);
                return;
            case long l:
                builder.Append(l);
                return;
            case bool b:
                builder.Append(b ? "true" : "false");
                return;
            case double d:
                builder.Append(FormatDouble(d));
                return;
            case float f:
                builder.Append(FormatDouble(f));
                return;
            case decimal m:
                builder.Append(m.ToString(CultureInfo.InvariantCulture));
                return;
            case char c:
                builder.Append(c);
                return;
            case IVtlHostObject host:
                builder.Append(host.ToJavaString());
                return;
            case IDictionary map:
                AppendMap(builder, map, depth);
                return;
            case JsonList json:
                JsonValues.WriteArrayText(builder, json, depth);
                return;
            case IEnumerable sequence:
                AppendSequence(builder, sequence, depth);
                return;
            case IFormattable formattable:
                builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            default:
                builder.Append(value.ToString());
                return;
        }
    }

    private static void AppendMap(StringBuilder builder, IDictionary map, int depth)
    {
        if (depth > JavaValues.MaxNesting)
        {
            throw new VtlRenderException("Value nested too deeply to convert to a string");
        }

        builder.Append('{');
        var first = true;
        foreach (DictionaryEntry entry in map)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            AppendElement(builder, entry.Key, map, "(this Map)", depth);
            builder.Append('=');
            AppendElement(builder, entry.Value, map, "(this Map)", depth);
            JavaValues.CheckTextLength(builder.Length);
        }

        builder.Append('}');
    }

    private static void AppendSequence(StringBuilder builder, IEnumerable sequence, int depth)
    {
        if (depth > JavaValues.MaxNesting)
        {
            throw new VtlRenderException("Value nested too deeply to convert to a string");
        }

        builder.Append('[');
        var first = true;
        foreach (var item in sequence)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            AppendElement(builder, item, sequence, "(this Collection)", depth);
            JavaValues.CheckTextLength(builder.Length);
        }

        builder.Append(']');
    }

    private static void AppendElement(StringBuilder builder, object? item, object container, string self, int depth)
    {
        if (ReferenceEquals(item, container))
        {
            builder.Append(self);
        }
        else
        {
            Append(builder, item, depth + 1);
        }
    }

    /// <summary>
    /// <c>Double.toString</c>: plain notation with at least one fractional digit between 10^-3 and 10^7,
    /// computerized scientific notation (<c>1.0E10</c>) outside it, shortest digits that round-trip.
    /// </summary>
    public static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        Span<char> buffer = stackalloc char[PlainBufferLength];
        if (TryFormatPlain(value, buffer, out var written))
        {
            return new string(buffer[..written]);
        }

        var abs = Math.Abs(value);
        var shortest = abs.ToString("R", CultureInfo.InvariantCulture);
        ExtractDigits(shortest, out var digits, out var pointPosition);
        var builder = new StringBuilder(24);
        if (value < 0)
        {
            builder.Append('-');
        }

        if (abs >= 1e-3 && abs < 1e7)
        {
            if (pointPosition <= 0)
            {
                builder.Append("0.").Append('0', -pointPosition).Append(digits);
            }
            else if (pointPosition >= digits.Length)
            {
                builder.Append(digits).Append('0', pointPosition - digits.Length).Append(".0");
            }
            else
            {
                builder.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
            }
        }
        else
        {
            builder.Append(digits[0]).Append('.');
            builder.Append(digits.Length > 1 ? digits[1..] : "0");
            builder.Append('E').Append(pointPosition - 1);
        }

        return builder.ToString();
    }

    /// <summary>
    /// <c>Double.toString</c> for the common magnitudes (10^-3 to 10^7, not zero), written into
    /// <paramref name="buffer"/> (at least <see cref="PlainBufferLength"/> characters); false for any other value.
    /// </summary>
    public static bool TryFormatPlain(double value, Span<char> buffer, out int written)
    {
        var abs = Math.Abs(value);
        if (!(abs >= 1e-3 && abs < 1e7))
        {
            written = 0;
            return false;
        }

        if (TryFormatShortDecimal(value, abs, buffer, out written))
        {
            return true;
        }

        // Plain notation: .NET's shortest round-trip form is Java's, plus ".0" for whole numbers.
        if (!value.TryFormat(buffer[..(PlainBufferLength - 2)], out written, "R", CultureInfo.InvariantCulture)
            || buffer[..written].IndexOfAny('E', 'e') >= 0)
        {
            written = 0;
            return false;
        }

        if (!buffer[..written].Contains('.'))
        {
            buffer[written++] = '.';
            buffer[written++] = '0';
        }

        return true;
    }

    /// <summary>
    /// The plain form of a value in Java's plain range that is the double nearest a decimal of at most 15
    /// significant digits (what JSON numbers almost always are): the fewest fractional digits, at least one,
    /// whose decimal converts back to the value. With 15 digits at most, that decimal is the unique shortest
    /// one, so this is exactly what the general shortest round-trip formatting gives, without its cost.
    /// </summary>
    private static bool TryFormatShortDecimal(double value, double abs, Span<char> buffer, out int written)
    {
        written = 0;
        for (var fraction = 1; fraction <= ExactPowersOfTen.MaxDigits; fraction++)
        {
            var power = ExactPowersOfTen.Get(fraction);
            var scaled = Math.Round(abs * power);
            if (scaled >= ExactPowersOfTen.Get(ExactPowersOfTen.MaxDigits))
            {
                return false;
            }

            if (scaled / power != abs)
            {
                continue;
            }

            if (value < 0)
            {
                buffer[written++] = '-';
            }

            Span<char> digits = stackalloc char[ExactPowersOfTen.MaxDigits + 1];
            ((long)scaled).TryFormat(digits, out var count, default, CultureInfo.InvariantCulture);
            var whole = count - fraction;
            if (whole <= 0)
            {
                buffer[written++] = '0';
                buffer[written++] = '.';
                buffer.Slice(written, -whole).Fill('0');
                written -= whole;
                digits[..count].CopyTo(buffer[written..]);
                written += count;
                return true;
            }

            digits[..whole].CopyTo(buffer[written..]);
            written += whole;
            buffer[written++] = '.';
            digits[whole..count].CopyTo(buffer[written..]);
            written += fraction;
            return true;
        }

        return false;
    }

    private static void ExtractDigits(string text, out string digits, out int pointPosition)
    {
        var exponentAt = text.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.');
        var raw = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        pointPosition = (dot < 0 ? mantissa.Length : dot) + exponent;
        var leading = 0;
        while (leading < raw.Length - 1 && raw[leading] == '0')
        {
            leading++;
        }

        raw = raw[leading..];
        pointPosition -= leading;
        digits = raw.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }
    }

    private static string[] CreateSmallIntegers()
    {
        var table = new string[1024];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        return table;
    }
}
