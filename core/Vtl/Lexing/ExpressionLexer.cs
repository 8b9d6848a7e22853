namespace OrleansGateway.Vtl.Lexing;

/// <summary>
/// Tokens inside directive arguments and method calls: literals, operators, words. A <c>$</c> comes back
/// as <see cref="TokenKind.Dollar"/> and the parser reads the reference from the same cursor, because a
/// reference's grammar (identifiers with hyphens, chained members) is not a token grammar.
/// </summary>
internal sealed class ExpressionLexer(SourceReader reader)
{
    private Token _peeked;
    private int _peekedAt = -1;

    public SourceReader Reader { get; } = reader;

    public Token Peek()
    {
        if (_peekedAt == Reader.Position)
        {
            return _peeked;
        }

        var saved = Reader.Position;
        Reader.SkipWhiteSpace();
        var next = Scan();
        Reader.Position = saved;
        _peeked = next;
        _peekedAt = saved;
        return next;
    }

    public Token Next()
    {
        var token = Peek();
        Reader.Position = token.End;
        return token;
    }

    /// <summary>Moves the cursor to the start of the next token (used before reading a reference).</summary>
    public void SkipToNext()
    {
        Reader.SkipWhiteSpace();
    }

    public Token Expect(TokenKind kind, string what)
    {
        var token = Peek();
        if (token.Kind != kind)
        {
            throw Reader.Error($"Expected {what} but found {Describe(token)}", token.Start);
        }

        return Next();
    }

    public string Describe(Token token) => token.Kind switch
    {
        TokenKind.End => "end of input",
        _ => "'" + Reader.Slice(token.Start, Math.Min(token.End, token.Start + 20)) + "'",
    };

    private Token Scan()
    {
        var start = Reader.Position;
        if (Reader.AtEnd)
        {
            return new Token(TokenKind.End, start, start, "");
        }

        var c = Reader.Current;
        switch (c)
        {
            case '$':
                return new Token(TokenKind.Dollar, start, start + 1, "$");
            case '"':
            case '\'':
                return ScanString(c);
            case '[':
                return Simple(TokenKind.LeftBracket, 1);
            case ']':
                return Simple(TokenKind.RightBracket, 1);
            case '{':
                return Simple(TokenKind.LeftBrace, 1);
            case '}':
                return Simple(TokenKind.RightBrace, 1);
            case '(':
                return Simple(TokenKind.LeftParen, 1);
            case ')':
                return Simple(TokenKind.RightParen, 1);
            case ',':
                return Simple(TokenKind.Comma, 1);
            case ':':
                return Simple(TokenKind.Colon, 1);
            case '.' when Reader.Peek() == '.':
                return Simple(TokenKind.DotDot, 2);
            case '+':
                return Simple(TokenKind.Plus, 1);
            case '-':
                return Simple(TokenKind.Minus, 1);
            case '*':
                return Simple(TokenKind.Star, 1);
            case '/':
                return Simple(TokenKind.Slash, 1);
            case '%':
                return Simple(TokenKind.Percent, 1);
            case '=':
                return Reader.Peek() == '=' ? Simple(TokenKind.EqualEqual, 2) : Simple(TokenKind.Assign, 1);
            case '!':
                return Reader.Peek() == '=' ? Simple(TokenKind.NotEqual, 2) : Simple(TokenKind.Bang, 1);
            case '<':
                return Reader.Peek() == '=' ? Simple(TokenKind.LessOrEqual, 2) : Simple(TokenKind.Less, 1);
            case '>':
                return Reader.Peek() == '=' ? Simple(TokenKind.GreaterOrEqual, 2) : Simple(TokenKind.Greater, 1);
            case '&' when Reader.Peek() == '&':
                return Simple(TokenKind.AndAnd, 2);
            case '|' when Reader.Peek() == '|':
                return Simple(TokenKind.OrOr, 2);
        }

        if (char.IsAsciiDigit(c))
        {
            return ScanNumber();
        }

        if (SourceReader.IsIdentifierStart(c))
        {
            var word = Reader.ReadWord();
            return new Token(TokenKind.Word, start, Reader.Position, word);
        }

        return Simple(TokenKind.Unknown, 1);
    }

    private Token Simple(TokenKind kind, int length)
    {
        var start = Reader.Position;
        return new Token(kind, start, start + length, Reader.Slice(start, start + length));
    }

    private Token ScanNumber()
    {
        var start = Reader.Position;
        while (char.IsAsciiDigit(Reader.Current))
        {
            Reader.Position++;
        }

        var kind = TokenKind.Integer;
        if (Reader.Current == '.' && char.IsAsciiDigit(Reader.Peek()))
        {
            kind = TokenKind.Decimal;
            Reader.Position++;
            while (char.IsAsciiDigit(Reader.Current))
            {
                Reader.Position++;
            }
        }

        if (Reader.Current is 'e' or 'E'
            && (char.IsAsciiDigit(Reader.Peek()) || (Reader.Peek() is '+' or '-' && char.IsAsciiDigit(Reader.Peek(2)))))
        {
            kind = TokenKind.Decimal;
            Reader.Position += 2;
            while (char.IsAsciiDigit(Reader.Current))
            {
                Reader.Position++;
            }
        }

        return new Token(kind, start, Reader.Position, Reader.Slice(start, Reader.Position));
    }

    /// <summary>
    /// Velocity 1.7 strings: a doubled quote stands for one quote; backslashes stay as written (only
    /// <c>\uXXXX</c> is decoded); the content of a double-quoted string is parsed again as a template.
    /// </summary>
    private Token ScanString(char quote)
    {
        var start = Reader.Position;
        Reader.Position++;
        var builder = new System.Text.StringBuilder();
        while (true)
        {
            if (Reader.AtEnd)
            {
                throw Reader.Error("Unterminated string literal", start);
            }

            var c = Reader.Current;
            if (c == quote)
            {
                if (Reader.Peek() == quote)
                {
                    builder.Append(quote);
                    Reader.Position += 2;
                    continue;
                }

                Reader.Position++;
                break;
            }

            if (c == '\\' && quote == '"' && Reader.Peek() == '"')
            {
                builder.Append("\\\"");
                Reader.Position += 2;
                continue;
            }

            if (c == '\\' && Reader.Peek() == 'u' && TryReadUnicodeEscape(out var decoded))
            {
                builder.Append(decoded);
                continue;
            }

            builder.Append(c);
            Reader.Position++;
        }

        var kind = quote == '"' ? TokenKind.DoubleQuotedString : TokenKind.SingleQuotedString;
        return new Token(kind, start, Reader.Position, builder.ToString());
    }

    private bool TryReadUnicodeEscape(out char decoded)
    {
        decoded = '\0';
        var at = Reader.Position + 2;
        if (at + 4 > Reader.Text.Length
            || !ushort.TryParse(Reader.Text.AsSpan(at, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code))
        {
            return false;
        }

        decoded = (char)code;
        Reader.Position = at + 4;
        return true;
    }
}
