using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OrleansGateway.Vtl.Values;

namespace OrleansGateway.Vtl.ApiGateway;

internal static partial class JsonValues
{
    /// <summary>Deepest nesting the fast path takes; deeper documents go to the full reader, which enforces its limit.</summary>
    private const int FastMaxDepth = 64;

    /// <summary>Strings up to this length are scanned one character at a time.</summary>
    private const int ShortStringLength = 16;

    /// <summary>
    /// Parses plain JSON (no comments, escapes, trailing commas, control characters or surrogates) straight
    /// from the string, without transcoding to UTF-8; that is what almost every payload is. Anything else,
    /// valid or not, returns false and goes to <see cref="Utf8JsonReader"/>, so the values and the errors are
    /// always exactly the full parser's.
    /// </summary>
    private static bool TryParseFast(string json, out object? value)
    {
        var parser = new FastParser(json, new ParseState());
        parser.SkipWhitespace();
        return parser.TryReadValue(0, out value) && parser.AtEndAfterWhitespace();
    }

    /// <summary>
    /// Clinger's fast path for a decimal such as <c>12.49</c>: with at most 15 digits and no exponent, the digits
    /// and the power of ten are exact doubles, so one correctly rounded division gives exactly what
    /// <see cref="double.Parse(string, IFormatProvider)"/> gives, at a fraction of its cost.
    /// </summary>
    private static bool TryParsePlainDecimal(ReadOnlySpan<char> number, out double value)
    {
        value = 0;
        long mantissa = 0;
        var digits = 0;
        var fraction = -1;
        var negative = false;
        foreach (var c in number)
        {
            switch (c)
            {
                case '-':
                    negative = true;
                    continue;
                case '.':
                    fraction = 0;
                    continue;
                case 'e' or 'E':
                    return false;
            }

            mantissa = (mantissa * 10) + (c - '0');
            if (++digits > ExactPowersOfTen.MaxDigits)
            {
                return false;
            }

            if (fraction >= 0)
            {
                fraction++;
            }
        }

        if (fraction < 0)
        {
            return false;
        }

        value = mantissa / ExactPowersOfTen.Get(fraction);
        value = negative ? -value : value;
        return true;
    }

    private ref struct FastParser
    {
        private readonly ReadOnlySpan<char> _text;
        private readonly ParseState _state;
        private int _position;

        public FastParser(string text, ParseState state)
        {
            _text = text;
            _state = state;
            _position = 0;
        }

        public bool AtEndAfterWhitespace()
        {
            SkipWhitespace();
            return _position == _text.Length;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void SkipWhitespace()
        {
            // Compact JSON has none: one inlined test usually settles it.
            if (_position < _text.Length && _text[_position] > ' ')
            {
                return;
            }

            SkipWhitespaceRun();
        }

        private void SkipWhitespaceRun()
        {
            while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n' or '\r')
            {
                _position++;
            }
        }

        public bool TryReadValue(int depth, out object? value)
        {
            value = null;
            switch (Peek())
            {
                case '{':
                    return depth < FastMaxDepth && TryReadObject(depth + 1, out value);
                case '[':
                    return depth < FastMaxDepth && TryReadArray(depth + 1, out value);
                case '"':
                    var read = TryReadString(out var text);
                    value = text;
                    return read;
                case 't':
                    return TryReadLiteral("true", JavaBoxes.True, out value);
                case 'f':
                    return TryReadLiteral("false", JavaBoxes.False, out value);
                case 'n':
                    return TryReadLiteral("null", null, out value);
                default:
                    return TryReadNumber(out value);
            }
        }

        private readonly char Peek() => _position < _text.Length ? _text[_position] : '\0';

        private bool TryReadLiteral(string literal, object? result, out object? value)
        {
            value = result;
            if (!_text[_position..].StartsWith(literal, StringComparison.Ordinal))
            {
                return false;
            }

            _position += literal.Length;
            return true;
        }

        private bool TryReadObject(int depth, out object? value)
        {
            value = null;
            _position++;
            var start = _state.Names.Count;
            SkipWhitespace();
            if (Peek() == '}')
            {
                _position++;
                value = _state.TakeObject(start);
                return true;
            }

            while (true)
            {
                if (Peek() != '"' || !TryReadString(out var name))
                {
                    return false;
                }

                SkipWhitespace();
                if (Peek() != ':')
                {
                    return false;
                }

                _position++;
                SkipWhitespace();
                if (!TryReadValue(depth, out var item))
                {
                    return false;
                }

                _state.Names.Add(name);
                _state.Values.Add(item);
                SkipWhitespace();
                var next = Peek();
                _position++;
                if (next == '}')
                {
                    value = _state.TakeObject(start);
                    return true;
                }

                if (next != ',')
                {
                    return false;
                }

                SkipWhitespace();
            }
        }

        private bool TryReadArray(int depth, out object? value)
        {
            value = null;
            _position++;
            var start = _state.Items.Count;
            SkipWhitespace();
            if (Peek() == ']')
            {
                _position++;
                value = _state.TakeArray(start);
                return true;
            }

            while (true)
            {
                if (!TryReadValue(depth, out var item))
                {
                    return false;
                }

                _state.Items.Add(item);
                SkipWhitespace();
                var next = Peek();
                _position++;
                if (next == ']')
                {
                    value = _state.TakeArray(start);
                    return true;
                }

                if (next != ',')
                {
                    return false;
                }

                SkipWhitespace();
            }
        }

        /// <summary>A string without escapes, control characters or surrogates (which UTF-8 transcoding would change).</summary>
        private bool TryReadString(out string text)
        {
            text = "";
            var start = _position + 1;

            // Keys and most values are a few characters: one scalar pass checks them all at once, cheaper
            // than starting three vectorised searches; longer strings go to those.
            var limit = Math.Min(_text.Length, start + ShortStringLength);
            for (var at = start; at < limit; at++)
            {
                var c = _text[at];
                if (c == '"')
                {
                    text = _state.StringCache.Get(_text[start..at]);
                    _position = at + 1;
                    return true;
                }

                if (c is '\\' or < ' ' || char.IsSurrogate(c))
                {
                    return false;
                }
            }

            var rest = _text[start..];
            var end = rest.IndexOfAny('"', '\\');
            if (end < 0 || rest[end] != '"')
            {
                return false;
            }

            var content = rest[..end];
            if (content.IndexOfAnyInRange('\0', '\u001f') >= 0 || content.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
            {
                return false;
            }

            text = _state.StringCache.Get(content);
            _position = start + end + 1;
            return true;
        }

        /// <summary>JSON's number grammar; Integer when it fits, then Long, else Double, as the full parser decides.</summary>
        private bool TryReadNumber(out object? value)
        {
            value = null;
            var start = _position;
            var at = _position;
            if (at < _text.Length && _text[at] == '-')
            {
                at++;
            }

            if (at < _text.Length && _text[at] == '0')
            {
                at++;
            }
            else if (!SkipDigits(ref at))
            {
                return false;
            }

            var integral = true;
            if (at < _text.Length && _text[at] == '.')
            {
                integral = false;
                at++;
                if (!SkipDigits(ref at))
                {
                    return false;
                }
            }

            if (at < _text.Length && _text[at] is 'e' or 'E')
            {
                integral = false;
                at++;
                if (at < _text.Length && _text[at] is '+' or '-')
                {
                    at++;
                }

                if (!SkipDigits(ref at))
                {
                    return false;
                }
            }

            var number = _text[start..at];
            if (integral && number.Length <= 9 && number[0] != '-')
            {
                // Up to nine digits always fit an Integer: no need for the general parser.
                var small = 0;
                foreach (var digit in number)
                {
                    small = (small * 10) + (digit - '0');
                }

                value = JavaBoxes.Int(small);
                _position = at;
                return true;
            }

            if (integral && long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                value = whole is >= int.MinValue and <= int.MaxValue ? JavaBoxes.Int((int)whole) : whole;
                _position = at;
                return true;
            }

            var real = !integral && TryParsePlainDecimal(number, out var quick)
                ? quick
                : double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (!double.IsFinite(real))
            {
                return false;
            }

            value = real;
            _position = at;
            return true;
        }

        /// <summary>Skips one or more ASCII digits; false when there is none.</summary>
        private readonly bool SkipDigits(ref int at)
        {
            var first = at;
            while (at < _text.Length && char.IsAsciiDigit(_text[at]))
            {
                at++;
            }

            return at > first;
        }
    }
}
