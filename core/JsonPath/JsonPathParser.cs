using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansGateway.JsonPath;

/// <summary>
/// Jayway JsonPath syntax: <c>$</c>, <c>.key</c>, <c>['key']</c>, <c>[n]</c>, <c>[a:b]</c>, <c>[*]</c>,
/// <c>..</c>, <c>[?(@.price &lt; 10)]</c>, <c>.length()</c>. A path without a leading <c>$</c> is taken as
/// relative to the root, as Jayway does (<c>name</c> means <c>$.name</c>).
/// </summary>
internal sealed class JsonPathParser
{
    private const int MaxNesting = 64;
    private readonly string _path;
    private int _position;
    private int _depth;

    private JsonPathParser(string path)
    {
        _path = path;
    }

    public static PathSegment[] Parse(string path)
    {
        var text = path.Trim();
        if (text.Length == 0)
        {
            throw new JsonPathException("Path must not be empty");
        }

        if (text[0] != '$' && text[0] != '@')
        {
            text = text[0] == '[' ? "$" + text : "$." + text;
        }

        var parser = new JsonPathParser(text) { _position = 1 };
        var segments = parser.ParseSegments(stopAt: null);
        if (parser._position < text.Length)
        {
            throw parser.Error("Unexpected character");
        }

        return segments;
    }

    private JsonPathException Error(string message) =>
        new($"{message} at position {_position} in JSONPath '{_path}'");

    private char Current => _position < _path.Length ? _path[_position] : '\0';

    private PathSegment[] ParseSegments(Func<char, bool>? stopAt)
    {
        if (++_depth > MaxNesting)
        {
            throw Error("Path nested too deeply");
        }

        var segments = new List<PathSegment>();
        while (_position < _path.Length && (stopAt is null || !stopAt(Current)))
        {
            if (Current == '.' && _position + 1 < _path.Length && _path[_position + 1] == '.')
            {
                _position += 2;
                segments.Add(new DeepScanSegment(ParseStep(afterDeepScan: true)));
            }
            else if (Current == '.')
            {
                _position++;
                segments.Add(ParseStep(afterDeepScan: false));
            }
            else if (Current == '[')
            {
                segments.Add(ParseBracket());
            }
            else
            {
                break;
            }
        }

        _depth--;
        return [.. segments];
    }

    private PathSegment ParseStep(bool afterDeepScan)
    {
        if (Current == '[')
        {
            return ParseBracket();
        }

        if (Current == '*')
        {
            _position++;
            return WildcardSegment.Instance;
        }

        var start = _position;
        while (_position < _path.Length
            && _path[_position] is not ('.' or '[' or '(' or ' ' or ')' or '=' or '<' or '>' or '!' or '&' or '|' or ',' or ']'))
        {
            _position++;
        }

        if (_position == start)
        {
            throw Error("Expected a property name");
        }

        var name = _path[start.._position];
        if (Current == '(')
        {
            if (!afterDeepScan && Peek(1) == ')' && name is "length" or "size")
            {
                _position += 2;
                return LengthSegment.Instance;
            }

            throw Error($"Unsupported function '{name}'");
        }

        return new PropertySegment([name]);
    }

    private PathSegment ParseBracket()
    {
        _position++;
        SkipSpaces();
        PathSegment segment;
        if (Current == '*')
        {
            _position++;
            segment = WildcardSegment.Instance;
        }
        else if (Current == '?')
        {
            _position++;
            SkipSpaces();
            Expect('(');
            var predicate = ParseOr();
            SkipSpaces();
            Expect(')');
            segment = new FilterSegment(predicate);
        }
        else if (Current is '\'' or '"')
        {
            var names = new List<string> { ReadQuoted() };
            SkipSpaces();
            while (Current == ',')
            {
                _position++;
                SkipSpaces();
                names.Add(ReadQuoted());
                SkipSpaces();
            }

            segment = new PropertySegment([.. names]);
        }
        else
        {
            segment = ParseIndexOrSlice();
        }

        SkipSpaces();
        Expect(']');
        return segment;
    }

    private PathSegment ParseIndexOrSlice()
    {
        int? first = TryReadInt();
        SkipSpaces();
        if (Current == ':')
        {
            _position++;
            SkipSpaces();
            var end = TryReadInt();
            SkipSpaces();
            if (Current == ':')
            {
                throw Error("Slice steps are not supported");
            }

            return new SliceSegment(first, end);
        }

        if (first is null)
        {
            throw Error("Expected an index, a quoted name, '*' or a filter");
        }

        var indexes = new List<int> { first.Value };
        while (Current == ',')
        {
            _position++;
            SkipSpaces();
            indexes.Add(TryReadInt() ?? throw Error("Expected an index"));
            SkipSpaces();
        }

        return new IndexSegment([.. indexes]);
    }

    private int? TryReadInt()
    {
        var start = _position;
        if (Current == '-')
        {
            _position++;
        }

        while (char.IsAsciiDigit(Current))
        {
            _position++;
        }

        if (_position == start || (_position == start + 1 && _path[start] == '-'))
        {
            _position = start;
            return null;
        }

        return int.TryParse(_path.AsSpan(start, _position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error("Index out of range");
    }

    private string ReadQuoted()
    {
        var quote = Current;
        if (quote is not ('\'' or '"'))
        {
            throw Error("Expected a quoted name");
        }

        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _path.Length)
            {
                throw Error("Unterminated quoted name");
            }

            var c = _path[_position++];
            if (c == quote)
            {
                return builder.ToString();
            }

            if (c == '\\' && _position < _path.Length)
            {
                c = _path[_position++];
            }

            builder.Append(c);
        }
    }

    private void Expect(char c)
    {
        if (Current != c)
        {
            throw Error($"Expected '{c}'");
        }

        _position++;
    }

    private void SkipSpaces()
    {
        while (Current == ' ')
        {
            _position++;
        }
    }

    private FilterNode ParseOr()
    {
        var left = ParseAnd();
        SkipSpaces();
        while (Current == '|' && Peek(1) == '|')
        {
            _position += 2;
            left = new FilterLogical(false, left, ParseAnd());
            SkipSpaces();
        }

        return left;
    }

    private FilterNode ParseAnd()
    {
        var left = ParseUnary();
        SkipSpaces();
        while (Current == '&' && Peek(1) == '&')
        {
            _position += 2;
            left = new FilterLogical(true, left, ParseUnary());
            SkipSpaces();
        }

        return left;
    }

    private char Peek(int ahead) => _position + ahead < _path.Length ? _path[_position + ahead] : '\0';

    private FilterNode ParseUnary()
    {
        if (++_depth > MaxNesting)
        {
            throw Error("Filter nested too deeply");
        }

        try
        {
            SkipSpaces();
            if (Current == '!' && Peek(1) != '=')
            {
                _position++;
                return new FilterNot(ParseUnary());
            }

            if (Current == '(')
            {
                _position++;
                var inner = ParseOr();
                SkipSpaces();
                Expect(')');
                return inner;
            }

            var left = ParseOperand();
            SkipSpaces();
            var op = ReadOperator();
            if (op is null)
            {
                return new FilterComparison(left, null, null);
            }

            SkipSpaces();
            return new FilterComparison(left, op, ParseOperand());
        }
        finally
        {
            _depth--;
        }
    }

    private string? ReadOperator()
    {
        foreach (var op in (string[])["==", "!=", "<=", ">=", "=~", "<", ">"])
        {
            if (string.CompareOrdinal(_path, _position, op, 0, op.Length) == 0)
            {
                _position += op.Length;
                return op;
            }
        }

        foreach (var word in (string[])["nin", "in", "contains", "size", "empty", "anyof", "noneof", "subsetof"])
        {
            if (string.CompareOrdinal(_path, _position, word, 0, word.Length) == 0
                && !char.IsAsciiLetterOrDigit(Peek(word.Length)))
            {
                _position += word.Length;
                return word;
            }
        }

        return null;
    }

    private FilterOperand ParseOperand()
    {
        SkipSpaces();
        var c = Current;
        if (c is '@' or '$')
        {
            _position++;
            var path = ParseSegments(ch => ch is ' ' or ')' or '=' or '<' or '>' or '!' or '&' or '|' or ',' or ']');
            return new FilterOperand { Path = path, FromRoot = c == '$' };
        }

        if (c is '\'' or '"')
        {
            return new FilterOperand { Literal = ReadQuoted() };
        }

        if (c == '/')
        {
            return new FilterOperand { Regex = ReadRegex() };
        }

        if (c == '[')
        {
            _position++;
            var items = new List<object?>();
            SkipSpaces();
            while (Current != ']')
            {
                items.Add(ParseOperand().Literal);
                SkipSpaces();
                if (Current == ',')
                {
                    _position++;
                    SkipSpaces();
                }
                else if (Current != ']')
                {
                    throw Error("Expected ',' or ']'");
                }
            }

            _position++;
            return new FilterOperand { Literal = items };
        }

        if (char.IsAsciiDigit(c) || c == '-')
        {
            var start = _position;
            _position++;
            while (char.IsAsciiDigit(Current) || Current is '.' or 'e' or 'E' or '+' or '-')
            {
                _position++;
            }

            if (!double.TryParse(_path.AsSpan(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                throw Error("Invalid number");
            }

            return new FilterOperand { Literal = number };
        }

        foreach (var (word, value) in (ReadOnlySpan<(string, object?)>)[("true", true), ("false", false), ("null", null)])
        {
            if (string.CompareOrdinal(_path, _position, word, 0, word.Length) == 0)
            {
                _position += word.Length;
                return new FilterOperand { Literal = value };
            }
        }

        throw Error("Expected a filter operand");
    }

    private Regex ReadRegex()
    {
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _path.Length)
            {
                throw Error("Unterminated regular expression");
            }

            var c = _path[_position++];
            if (c == '/')
            {
                break;
            }

            if (c == '\\' && Current == '/')
            {
                c = '/';
                _position++;
            }
            else if (c == '\\' && _position < _path.Length)
            {
                builder.Append(c);
                c = _path[_position++];
            }

            builder.Append(c);
        }

        var options = RegexOptions.CultureInvariant;
        while (char.IsAsciiLetter(Current))
        {
            options |= Current switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                _ => RegexOptions.None,
            };
            _position++;
        }

        try
        {
            return new Regex(builder.ToString(), options, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw Error("Invalid regular expression: " + e.Message);
        }
    }
}
