using System.Buffers;

namespace OrleansGateway.Mapping.HttpApi;

/// <summary>
/// A header value a parameter mapping builds from client input (a query string, a body, another
/// header) cannot end the header or start another: control characters other than tab become spaces.
/// Non-ASCII text stays, and goes on the wire as UTF-8.
/// </summary>
public static class MappedHeaderValue
{
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    public static string Clean(string value)
    {
        var first = value.AsSpan().IndexOfAny(ControlCharacters);
        if (first < 0)
        {
            return value;
        }

        return string.Create(value.Length, (value, first), static (span, state) =>
        {
            state.value.AsSpan().CopyTo(span);
            var rest = span[state.first..];
            for (var i = 0; i < rest.Length; i++)
            {
                if (ControlCharacters.Contains(rest[i]))
                {
                    rest[i] = ' ';
                }
            }
        });
    }
}
