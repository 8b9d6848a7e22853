using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace OrleansGateway.Integrations;

/// <summary>
/// Writes decoded path text back into a URI. Most paths need no escaping, so a single
/// <see cref="SearchValues{T}"/> scan decides and the common case copies the text unchanged.
/// Like ASP.NET Core's <c>PathString.ToUriComponent</c> (and so YARP), a <c>%</c> followed by two hex
/// digits is kept: Kestrel leaves <c>%2F</c> encoded in the decoded path.
/// </summary>
public static class UriPathEscaping
{
    // RFC 3986 pchar without '%': unreserved, sub-delims, ':' and '@'.
    private const string PChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@";
    private static readonly SearchValues<char> SegmentChars = SearchValues.Create(PChars);
    private static readonly SearchValues<char> PathChars = SearchValues.Create(PChars + "/");

    /// <summary>Appends <paramref name="text"/>; with <paramref name="keepSlashes"/> a <c>/</c> stays a separator.</summary>
    public static void Append(ref DefaultInterpolatedStringHandler builder, ReadOnlySpan<char> text, bool keepSlashes)
    {
        var allowed = keepSlashes ? PathChars : SegmentChars;
        var clean = text.IndexOfAnyExcept(allowed);
        if (clean < 0)
        {
            builder.AppendFormatted(text);
            return;
        }

        builder.AppendFormatted(text[..clean]);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = clean; i < text.Length; i++)
        {
            var c = text[i];
            if (allowed.Contains(c))
            {
                builder.AppendFormatted(c);
            }
            else if (c == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
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
}
