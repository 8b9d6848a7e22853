using System.Text;

namespace OrleansGateway.Mapping.HttpApi;

/// <summary>
/// A query string as an ordered list of decoded name/value pairs, so mappings can append,
/// overwrite and remove entries and the result can be written back, encoded.
/// </summary>
public sealed class QueryParameters
{
    private readonly List<KeyValuePair<string, string>> _items = [];

    public int Count => _items.Count;

    public IReadOnlyList<KeyValuePair<string, string>> Items => _items;

    /// <summary>Reads <c>?a=1&amp;b=2</c> (leading <c>?</c> optional); names and values are percent-decoded.</summary>
    public static QueryParameters Parse(ReadOnlySpan<char> query)
    {
        var result = new QueryParameters();
        if (!query.IsEmpty && query[0] == '?')
        {
            query = query[1..];
        }

        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? [] : pair[(equals + 1)..];
            result._items.Add(new(Decode(name), Decode(value)));
        }

        return result;
    }

    /// <summary>Every value of <paramref name="name"/> (case-sensitive, as AWS treats query names), joined with commas.</summary>
    public string? Get(string name)
    {
        string? joined = null;
        foreach (var (key, value) in _items)
        {
            if (key == name)
            {
                joined = joined is null ? value : string.Concat(joined, ",", value);
            }
        }

        return joined;
    }

    public void Append(string name, string value) => _items.Add(new(name, value));

    public void Overwrite(string name, string value)
    {
        var index = _items.FindIndex(p => p.Key == name);
        Remove(name);
        _items.Insert(index < 0 ? _items.Count : Math.Min(index, _items.Count), new(name, value));
    }

    public void Remove(string name) => _items.RemoveAll(p => p.Key == name);

    /// <summary>The encoded query with its leading <c>?</c>, or empty when there is none.</summary>
    public string ToQueryString()
    {
        if (_items.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var (key, value) in _items)
        {
            builder.Append(builder.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    private static string Decode(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny('%', '+') < 0)
        {
            return text.ToString();
        }

        return Uri.UnescapeDataString(text.ToString().Replace('+', ' '));
    }
}
