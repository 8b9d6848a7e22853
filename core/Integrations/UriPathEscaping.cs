using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace OrleansGateway.Integrations;

/// <summary>
/// Writes decoded path text from a client back into an integration URI so that it can never leave
/// the path the integration names. Kestrel has decoded the request path once, except <c>%2F</c>, which
/// it leaves encoded; so every other <c>%</c> is data and is escaped (<c>%252e</c> from the client was
/// decoded to <c>%2e</c> and goes out as <c>%252e</c> again, never as a dot), and <c>%2F</c> stays <c>%2F</c>.
/// A piece between slashes, plain or encoded, made only of dots (<c>..%2Fadmin</c>, or a mapped value)
/// has its dots escaped twice (<c>%252E</c>), so even a backend that decodes <c>%2F</c> and <c>%2E</c>
/// sees no dot segment. When the client sent <c>%252F</c>, Kestrel's <c>%2F</c> is ambiguous; the caller
/// then passes <c>keepEncodedSlashes: false</c> and every <c>%</c> is data. Most paths need no escaping:
/// one <see cref="SearchValues{T}"/> scan decides and the common case copies the text unchanged.
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
        if (clean < 0 && !HasDotSegment(text, keepEncodedSlashes))
        {
            builder.AppendFormatted(text);
            return;
        }

        Span<byte> utf8 = stackalloc byte[4];
        var pieceStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && IsDotPiece(text, pieceStart, keepEncodedSlashes))
            {
                // Escaped twice: a backend that decodes once (and many resolve %2E) still sees no dot segment.
                builder.AppendLiteral("%252E");
            }
            else if (allowed.Contains(c))
            {
                builder.AppendFormatted(c);
                if (c == '/')
                {
                    pieceStart = i + 1;
                }
            }
            else if (c == '%' && IsEncodedSlash(text, i))
            {
                builder.AppendLiteral(keepEncodedSlashes ? "%" : "%25");
                builder.AppendFormatted(text.Slice(i + 1, 2));
                i += 2;
                if (keepEncodedSlashes)
                {
                    pieceStart = i + 1;
                }
            }
            else
            {
                if (c == '/')
                {
                    pieceStart = i + 1;
                }

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

    /// <summary>
    /// Some piece of <paramref name="text"/> between slashes, plain or encoded (a backend that decodes
    /// <c>%2F</c> sees those as slashes too), is <c>.</c> or <c>..</c>: rare, so looked for only when a dot is there.
    /// </summary>
    private static bool HasDotSegment(ReadOnlySpan<char> text, bool encodedSlashesSplit)
    {
        if (!text.Contains('.'))
        {
            return false;
        }

        for (var start = 0; start <= text.Length;)
        {
            var end = PieceEnd(text, start, encodedSlashesSplit);
            if (text[start..end] is "." or "..")
            {
                return true;
            }

            start = end + (end < text.Length && text[end] == '%' ? 3 : 1);
        }

        return false;
    }

    /// <summary>The piece starting at <paramref name="start"/> is <c>.</c> or <c>..</c>.</summary>
    private static bool IsDotPiece(ReadOnlySpan<char> text, int start, bool encodedSlashesSplit) =>
        text[start..PieceEnd(text, start, encodedSlashesSplit)] is "." or "..";

    /// <summary>Where the piece starting at <paramref name="start"/> ends: at the next <c>/</c> (or <c>%2F</c>, when it stays one), or the end.</summary>
    private static int PieceEnd(ReadOnlySpan<char> text, int start, bool encodedSlashesSplit)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '/' || (encodedSlashesSplit && text[i] == '%' && IsEncodedSlash(text, i)))
            {
                return i;
            }
        }

        return text.Length;
    }

    private static bool IsEncodedSlash(ReadOnlySpan<char> text, int i) =>
        i + 2 < text.Length && text[i + 1] == '2' && text[i + 2] is 'F' or 'f';
}
