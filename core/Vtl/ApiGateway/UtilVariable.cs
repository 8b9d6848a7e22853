using System.Globalization;
using System.Text;
using OrleansGateway.Vtl.Values;

namespace OrleansGateway.Vtl.ApiGateway;

/// <summary>
/// <c>$util</c>: API Gateway's helpers, each with the Java library behaviour behind it
/// (commons-lang <c>escapeJavaScript</c>, <c>URLEncoder</c>/<c>URLDecoder</c> with UTF-8, Base64 of UTF-8).
/// </summary>
internal sealed class UtilVariable : IVtlHostObject
{
    public static UtilVariable Instance { get; } = new();

    public bool TryGetProperty(string name, out object? value)
    {
        value = null;
        return false;
    }

    public bool TryInvoke(string name, ReadOnlySpan<object?> arguments, out object? result)
    {
        result = null;
        if (arguments.Length != 1)
        {
            return false;
        }

        var argument = arguments[0];
        if (argument is null)
        {
            // The Java helpers return null for null input (and Velocity then renders the reference's text).
            return name is "escapeJavaScript" or "parseJson" or "urlEncode" or "urlDecode" or "base64Encode" or "base64Decode";
        }

        var text = JavaFormatter.ToJavaString(argument);
        switch (name)
        {
            case "escapeJavaScript":
                result = EscapeJavaScript(text);
                return true;
            case "parseJson":
                result = JsonValues.Parse(text);
                return true;
            case "urlEncode":
                result = UrlEncode(text);
                return true;
            case "urlDecode":
                result = UrlDecode(text);
                return true;
            case "base64Encode":
                result = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
                return true;
            case "base64Decode":
                result = Base64Decode(text);
                return true;
            default:
                return false;
        }
    }

    public string ToJavaString() => "$util";

    /// <summary>commons-lang 2 <c>StringEscapeUtils.escapeJavaScript</c>: quotes, slash, controls and non-ASCII escaped.</summary>
    public static string EscapeJavaScript(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c > 0x7f)
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else if (c < 32)
            {
                switch (c)
                {
                    case '\b':
                        builder.Append("\\b");
                        break;
                    case '\n':
                        builder.Append("\\n");
                        break;
                    case '\t':
                        builder.Append("\\t");
                        break;
                    case '\f':
                        builder.Append("\\f");
                        break;
                    case '\r':
                        builder.Append("\\r");
                        break;
                    default:
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        break;
                }
            }
            else
            {
                switch (c)
                {
                    case '\'':
                        builder.Append("\\'");
                        break;
                    case '"':
                        builder.Append("\\\"");
                        break;
                    case '\\':
                        builder.Append("\\\\");
                        break;
                    case '/':
                        builder.Append("\\/");
                        break;
                    default:
                        builder.Append(c);
                        break;
                }
            }
        }

        return builder.ToString();
    }

    /// <summary><c>java.net.URLEncoder.encode(s, "UTF-8")</c>: space as <c>+</c>, keeps <c>a-z A-Z 0-9 . - * _</c>.</summary>
    public static string UrlEncode(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '*' or '_')
            {
                builder.Append(c);
            }
            else if (c == ' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary><c>java.net.URLDecoder.decode(s, "UTF-8")</c>; a malformed escape fails the render as it throws in Java.</summary>
    public static string UrlDecode(string text)
    {
        var bytes = new List<byte>(text.Length);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                bytes.Clear();
                while (i < text.Length && text[i] == '%')
                {
                    if (i + 2 >= text.Length
                        || !byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                    {
                        throw new VtlRenderException("URLDecoder: Illegal hex characters in escape (%) pattern");
                    }

                    bytes.Add(b);
                    i += 3;
                }

                i--;
                builder.Append(Encoding.UTF8.GetString(bytes.ToArray()));
            }
            else
            {
                builder.Append(c == '+' ? ' ' : c);
            }
        }

        return builder.ToString();
    }

    private static string Base64Decode(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException e)
        {
            throw new VtlRenderException("base64Decode: " + e.Message, e);
        }
    }
}
