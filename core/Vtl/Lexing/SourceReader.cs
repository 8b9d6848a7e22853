namespace OrleansGateway.Vtl.Lexing;

/// <summary>
/// A cursor over template source. Velocity's lexer changes mode with context (text, reference, directive
/// arguments), so the parser drives this cursor directly and asks it for positions as line and column.
/// </summary>
internal sealed class SourceReader
{
    private readonly string _text;
    private readonly int _lineOffset;
    private readonly int _columnOffset;
    private int[]? _lineStarts;

    /// <param name="text">The source.</param>
    /// <param name="lineOffset">Lines before this source, for strings parsed out of a larger template.</param>
    /// <param name="columnOffset">Columns before the first line of this source.</param>
    public SourceReader(string text, int lineOffset = 0, int columnOffset = 0)
    {
        _text = text;
        _lineOffset = lineOffset;
        _columnOffset = columnOffset;
    }

    public string Text => _text;

    public int Position { get; set; }

    public bool AtEnd => Position >= _text.Length;

    public char Current => Position < _text.Length ? _text[Position] : '\0';

    public char Peek(int ahead = 1)
    {
        var at = Position + ahead;
        return at < _text.Length ? _text[at] : '\0';
    }

    public char CharAt(int position) => position >= 0 && position < _text.Length ? _text[position] : '\0';

    public bool StartsWith(string value) => string.CompareOrdinal(_text, Position, value, 0, value.Length) == 0;

    public string Slice(int start, int end) => _text[start..end];

    public void SkipSpacesAndTabs()
    {
        while (Current is ' ' or '\t')
        {
            Position++;
        }
    }

    public void SkipWhiteSpace()
    {
        while (Current is ' ' or '\t' or '\n' or '\r')
        {
            Position++;
        }
    }

    /// <summary>Consumes <c>[ \t]*</c> and one line break if they come next; otherwise consumes nothing.</summary>
    public void SkipTrailingNewline()
    {
        var at = Position;
        while (at < _text.Length && _text[at] is ' ' or '\t')
        {
            at++;
        }

        if (at < _text.Length && _text[at] == '\n')
        {
            Position = at + 1;
        }
        else if (at < _text.Length && _text[at] == '\r')
        {
            Position = at + 1 < _text.Length && _text[at + 1] == '\n' ? at + 2 : at + 1;
        }
    }

    public static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    /// <summary>Velocity 1.7 identifiers continue with letters, digits, <c>-</c> and <c>_</c>.</summary>
    public static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    /// <summary>Directive names and macro names: letters, digits and <c>_</c>.</summary>
    public static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    public string ReadIdentifier()
    {
        var start = Position;
        if (IsIdentifierStart(Current))
        {
            Position++;
            while (IsIdentifierPart(Current))
            {
                Position++;
            }
        }

        return _text[start..Position];
    }

    public string ReadWord()
    {
        var start = Position;
        if (IsIdentifierStart(Current))
        {
            Position++;
            while (IsWordPart(Current))
            {
                Position++;
            }
        }

        return _text[start..Position];
    }

    public (int Line, int Column) LineAndColumn(int position)
    {
        _lineStarts ??= ComputeLineStarts(_text);
        var index = Array.BinarySearch(_lineStarts, position);
        var line = index >= 0 ? index : ~index - 1;
        var column = position - _lineStarts[line] + 1;
        if (line == 0)
        {
            column += _columnOffset;
        }

        return (line + 1 + _lineOffset, column);
    }

    public VtlParseException Error(string message, int position)
    {
        var (line, column) = LineAndColumn(position);
        return new VtlParseException(message, line, column);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
