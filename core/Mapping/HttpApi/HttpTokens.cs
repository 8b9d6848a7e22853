using System.Buffers;

namespace OrleansGateway.Mapping.HttpApi;

/// <summary>
/// RFC 9110 tokens: what a header name or a method may be made of. Anything else makes Kestrel or
/// the forwarder throw when the value is written, so the control plane refuses it up front.
/// </summary>
public static class HttpTokens
{
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public static bool IsToken(ReadOnlySpan<char> text) => !text.IsEmpty && text.IndexOfAnyExcept(TokenChars) < 0;
}
