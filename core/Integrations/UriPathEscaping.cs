using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace OrleansGateway.Integrations;

/// <summary>
/// Writes decoded path text from a client back into an integration URI so that it can never leave
/// the path the integration names. Kestrel has decoded the request path once, except <c>%2F</c>, which
/// it leaves encoded; so every other <c>%</c> is data and is escaped (<c>%252e</c> from the client was
/// decoded to <c>%2e</c> and goes out as <c>%252e</c> again, never as a dot), <c>%2F</c> stays <c>%2F</c>,
/// and a segment made only of dots (which Kestrel has already removed from paths, but a mapped header
/// may carry) goes out escaped, so it is never a dot segment. When the client sent <c>%252F</c>, Kestrel's
/// <c>%2F</c> is ambiguous; the caller then passes <c>keepEncodedSlashes: false</c> and every <c>%</c> is data. Most paths need no escaping: one
/// <see cref="SearchValues{T}"/> scan decides and the common case copies the text unchanged.
/// </summary>
public static class UriPathEscaping
{
    // RFC 3986 pchar without '%': unreserved, sub-delims, ':' and '@'.
    private const string PChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@";
    private static readonly SearchValues<char> SegmentChars = SearchValues.Create(PChars);
    private static readonly SearchValues<char> PathChars = SearchValues.Create(PChars + "/");

    /// <summary>
    /// Appends <paramref name="text"/>; with <paramref name="keepSlashes"/> a <c>/</c> stays a separator, with
    /// <paramref name="keepEncodedSlashes"/> a <c>%2F</c> stays an encoded slash.
    /// </summary>
    public static void Append(ref DefaultInterpolatedStringHandler builder, ReadOnlySpan<char> text, bool keepSlashes, bool keepEncodedSlashes = true)
    {
        var allowed = keepSlashes ? PathChars : SegmentChars;
        var clean = text.IndexOfAnyExcept(allowed);
        if (clean < 0 && !HasDotSegment(text))
        {
            builder.AppendFormatted(text);
            return;
        }

        Span<byte> utf8 = stackalloc byte[4];
        var segmentStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && IsDotSegment(text, segmentStart, keepSlashes))
            {
                builder.AppendLiteral("%2E");
            }
            else if (allowed.Contains(c))
            {
                builder.AppendFormatted(c);
                if (c == '/')
                {
                    segmentStart = i + 1;
                }
            }
            else if (c == '%' && keepEncodedSlashes && i + 2 < text.Length && text[i + 1] == '2' && (text[i + 2] is 'F' or 'f'))
            {
                builder.AppendFormatted(c);
            }
            else
            {
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length
                    ? Encoding.UTF8.GetBytes(text.Slice(i++, 2), utf8)
                    : Encoding.UTF8.GetBytes(text.Slice(i, 1), utf8);
                foreach (var b in utf8[..length])
                {
                    builder.AppendFormatted('%');
                    builder.AppendFormatted(b, "X2");
                }
            }
        }
    }

    /// <summary>Some segment of <paramref name="text"/> is <c>.</c> or <c>..</c>: rare, so checked only when a dot is there.</summary>
    private static bool HasDotSegment(ReadOnlySpan<char> text)
    {
        if (!text.Contains('.'))
        {
            return false;
        }

        foreach (var range in text.Split('/'))
        {
            if (text[range] is "." or "..")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The segment starting at <paramref name="start"/> (the whole text when slashes are escaped) is <c>.</c> or <c>..</c>.</summary>
    private static bool IsDotSegment(ReadOnlySpan<char> text, int start, bool keepSlashes)
    {
        var rest = text[start..];
        var end = keepSlashes ? rest.IndexOf('/') : -1;
        return (end < 0 ? rest : rest[..end]) is "." or "..";
    }
}
