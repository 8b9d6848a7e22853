using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using OrleansGateway.Vtl.Values;

namespace OrleansGateway.Vtl.ApiGateway;

/// <summary>
/// JSON to the Java values API Gateway hands templates (json-smart's: insertion-ordered maps, lists,
/// Integer, Long or Double numbers) and back to JSON text the way json-smart writes it.
/// </summary>
internal static partial class JsonValues
{
    private const int MaxDepth = 256;

    /// <summary>Parses JSON text; a syntax error is a render error, as in API Gateway.</summary>
    public static object? Parse(string json)
    {
        if (TryParseFast(json, out var plain))
        {
            return plain;
        }

        var maxBytes = Encoding.UTF8.GetMaxByteCount(json.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            var reader = new Utf8JsonReader(
                buffer.AsSpan(0, length),
                new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var state = new ParseState();
            if (!reader.Read())
            {
                return null;
            }

            var value = ReadValue(ref reader, state);
            if (reader.Read())
            {
                throw new VtlRenderException("Invalid JSON: unexpected data after the end of the value");
            }

            return value;
        }
        catch (JsonException e)
        {
            throw new VtlRenderException($"Invalid JSON: {e.Message}", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static object? ReadValue(ref Utf8JsonReader reader, ParseState state)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var start = state.Names.Count;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = state.NameCache.Get(ref reader);
                    reader.Read();
                    var value = ReadValue(ref reader, state);
                    state.Names.Add(name);
                    state.Values.Add(value);
                }

                return state.TakeObject(start);
            case JsonTokenType.StartArray:
                var first = state.Items.Count;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var item = ReadValue(ref reader, state);
                    state.Items.Add(item);
                }

                return state.TakeArray(first);
            case JsonTokenType.String:
                return state.StringCache.Get(ref reader);
            case JsonTokenType.Number:
                // A fraction or exponent never parses as Integer or Long, so skip both attempts.
                if (reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0)
                {
                    return reader.GetDouble();
                }

                if (reader.TryGetInt32(out var i))
                {
                    return JavaBoxes.Int(i);
                }

                if (reader.TryGetInt64(out var l))
                {
                    return l;
                }

                return reader.GetDouble();
            case JsonTokenType.True:
                return JavaBoxes.True;
            case JsonTokenType.False:
                return JavaBoxes.False;
            default:
                return null;
        }
    }

    /// <summary>Copies string pairs into a map a template can read and modify.</summary>
    public static IDictionary<string, object?> ToMap(IReadOnlyDictionary<string, string> source)
    {
        var map = new JsonMap();
        foreach (var (key, value) in source)
        {
            map[key] = value;
        }

        return map;
    }

    /// <summary>JSON text for a value, compact, escaping as json-smart does.</summary>
    public static string Serialize(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value, 0);
        return builder.ToString();
    }

    /// <summary>
    /// json-smart's <c>JSONArray.toString()</c>: the default style (<c>JSONStyle.NO_COMPRESS</c>) escapes
    /// <c>/</c> as <c>\/</c> too, which <see cref="Serialize"/> (the compact style of <c>$input.json</c>) does not.
    /// </summary>
    public static void WriteArrayText(StringBuilder builder, JsonList list, int depth) => Write(builder, list, depth, escapeSlash: true);

    public static void Write(StringBuilder builder, object? value, int depth, bool escapeSlash = false)
    {
        if (depth > MaxDepth)
        {
            throw new VtlRenderException("Value nested too deeply to write as JSON");
        }

        switch (JavaValues.Normalize(value))
        {
            case null:
                builder.Append("null");
                break;
            case string s:
                WriteString(builder, s, escapeSlash);
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case int i:
                builder.Append(i);
                break;
            case long l:
                builder.Append(l);
                break;
            case double d:
                builder.Append(double.IsFinite(d) ? JavaFormatter.FormatDouble(d) : "null");
                break;
            case IDictionary map:
                builder.Append('{');
                var first = true;
                foreach (DictionaryEntry entry in map)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteString(builder, JavaFormatter.ToJavaString(entry.Key), escapeSlash);
                    builder.Append(':');
                    Write(builder, entry.Value, depth + 1, escapeSlash);
                    JavaValues.CheckTextLength(builder.Length);
                }

                builder.Append('}');
                break;
            case IList list:
                builder.Append('[');
                for (var index = 0; index < list.Count; index++)
                {
                    if (index > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, list[index], depth + 1, escapeSlash);
                    JavaValues.CheckTextLength(builder.Length);
                }

                builder.Append(']');
                break;
            case var other:
                WriteString(builder, JavaFormatter.ToJavaString(other), escapeSlash);
                break;
        }
    }

    /// <summary>
    /// json-smart's escaping: quotes, backslash, control characters and U+007F–U+009F, U+2000–U+20FF, and with
    /// <paramref name="escapeSlash"/> (its "4Web" protection) the slash.
    /// </summary>
    public static void WriteString(StringBuilder builder, string s, bool escapeSlash = false)
    {
        builder.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '/' when escapeSlash:
                    builder.Append("\\/");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x2000 && c <= 0x20FF))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>
    /// Scratch space for one parse: the properties of the objects being read, and the key arrays ("shapes")
    /// of objects already built, which later objects with the same keys share.
    /// </summary>
    private sealed class ParseState
    {
        private const int MaxShapes = 16;
        private readonly List<string[]> _shapes = [];

        public NameCache NameCache { get; } = new();

        public List<string> Names { get; } = [];

        public List<object?> Values { get; } = [];

        /// <summary>The items of the arrays being read; each array is copied out at its exact size when it ends.</summary>
        public List<object?> Items { get; } = [];

        public StringCache StringCache { get; } = new();

        public JsonList TakeArray(int start)
        {
            var count = Items.Count - start;
            var list = new JsonList(count);
            ReadOnlySpan<object?> items = CollectionsMarshal.AsSpan(Items).Slice(start, count);
            list.AddRange(items);
            Items.RemoveRange(start, count);
            return list;
        }

        public JsonMap TakeObject(int start)
        {
            var count = Names.Count - start;
            var values = new object?[count];
            Values.CopyTo(start, values, 0, count);
            var keys = FindShape(start, count);
            JsonMap map;
            if (keys is not null)
            {
                map = new JsonMap(keys, values, count, sharedKeys: true);
            }
            else
            {
                // A new shape, possibly with repeated keys (the last one wins, as in json-smart).
                map = new JsonMap();
                for (var i = 0; i < count; i++)
                {
                    map[Names[start + i]] = values[i];
                }

                if (map.Count == count && _shapes.Count < MaxShapes)
                {
                    _shapes.Add(Names.GetRange(start, count).ToArray());
                }
            }

            Names.RemoveRange(start, count);
            Values.RemoveRange(start, count);
            return map;
        }

        private string[]? FindShape(int start, int count)
        {
            foreach (var shape in _shapes)
            {
                if (shape.Length != count)
                {
                    continue;
                }

                var same = true;
                for (var i = 0; i < count && same; i++)
                {
                    same = ReferenceEquals(shape[i], Names[start + i]) || string.Equals(shape[i], Names[start + i], StringComparison.Ordinal);
                }

                if (same)
                {
                    return shape;
                }
            }

            return null;
        }
    }

    /// <summary>Reuses the strings of property names seen before, so a list of like objects allocates its keys once.</summary>
    private sealed class NameCache
    {
        private const int Capacity = 64;
        private readonly List<(byte[] Utf8, string Name)> _names = [];
        private int _next;

        public string Get(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped && !reader.HasValueSequence && _names.Count > 0)
            {
                // Objects in a list repeat their keys in order, so the name after the last hit is the best guess.
                for (int tried = 0, at = _next; tried < _names.Count; tried++, at = at + 1 == _names.Count ? 0 : at + 1)
                {
                    if (reader.ValueSpan.SequenceEqual(_names[at].Utf8))
                    {
                        _next = at + 1 == _names.Count ? 0 : at + 1;
                        return _names[at].Name;
                    }
                }
            }

            var text = reader.GetString()!;
            if (_names.Count < Capacity && !reader.ValueIsEscaped)
            {
                _names.Add((reader.ValueSpan.ToArray(), text));
            }

            return text;
        }
    }

    /// <summary>
    /// Reuses the strings of short keys and values seen before (keys and enumerations such as "cat" repeat down
    /// a list), so they are neither transcoded nor allocated again. Direct-mapped: one probe, no scanning.
    /// </summary>
    private sealed class StringCache
    {
        private const int Slots = 128;
        private const int MaxLength = 32;
        private readonly string?[] _strings = new string?[Slots];

        public string Get(ReadOnlySpan<char> content)
        {
            if (content.Length == 0)
            {
                return "";
            }

            if (content.Length > MaxLength)
            {
                return new string(content);
            }

            var slot = ((content.Length * 31) + (content[0] * 7) + content[content.Length / 2] + (content[^1] * 3)) & (Slots - 1);
            var cached = _strings[slot];
            if (cached is not null && content.SequenceEqual(cached))
            {
                return cached;
            }

            var text = new string(content);
            _strings[slot] = text;
            return text;
        }

        public string Get(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxLength)
            {
                return reader.GetString()!;
            }

            var span = reader.ValueSpan;
            if (span.Length == 0)
            {
                return "";
            }

            var slot = ((span.Length * 31) + (span[0] * 7) + span[span.Length / 2] + (span[^1] * 3)) & (Slots - 1);
            var cached = _strings[slot];
            if (cached is not null && Ascii.Equals(span, cached))
            {
                return cached;
            }

            var text = reader.GetString()!;
            _strings[slot] = text;
            return text;
        }
    }
}
