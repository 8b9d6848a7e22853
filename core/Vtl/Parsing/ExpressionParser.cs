using System.Globalization;
using OrleansGateway.Vtl.Lexing;
using OrleansGateway.Vtl.Syntax;

namespace OrleansGateway.Vtl.Parsing;

/// <summary>
/// Directive arguments and references: precedence climbing over <see cref="ExpressionLexer"/> tokens, with
/// Velocity's word operators (<c>and or not eq ne lt gt le ge</c>) beside the symbolic ones.
/// </summary>
internal sealed class ExpressionParser(TemplateParser owner, SourceReader reader)
{
    private readonly ExpressionLexer _lexer = new(reader);
    private int _depth;

    public ExpressionLexer Lexer => _lexer;

    public VtlExpression ParseExpression()
    {
        Enter();
        try
        {
            return ParseOr();
        }
        finally
        {
            _depth--;
        }
    }

    private void Enter()
    {
        if (++_depth + owner.Depth > ParserLimits.MaxNesting)
        {
            throw reader.Error("Expression nested too deeply", reader.Position);
        }
    }

    private VtlExpression ParseOr()
    {
        var left = ParseAnd();
        while (IsOperator(TokenKind.OrOr, "or"))
        {
            var op = _lexer.Next();
            left = Binary(BinaryOperator.Or, left, ParseAnd(), op);
        }

        return left;
    }

    private VtlExpression ParseAnd()
    {
        var left = ParseEquality();
        while (IsOperator(TokenKind.AndAnd, "and"))
        {
            var op = _lexer.Next();
            left = Binary(BinaryOperator.And, left, ParseEquality(), op);
        }

        return left;
    }

    private VtlExpression ParseEquality()
    {
        var left = ParseRelational();
        while (true)
        {
            BinaryOperator op;
            if (IsOperator(TokenKind.EqualEqual, "eq"))
            {
                op = BinaryOperator.Equal;
            }
            else if (IsOperator(TokenKind.NotEqual, "ne"))
            {
                op = BinaryOperator.NotEqual;
            }
            else
            {
                return left;
            }

            var token = _lexer.Next();
            left = Binary(op, left, ParseRelational(), token);
        }
    }

    private VtlExpression ParseRelational()
    {
        var left = ParseAdditive();
        while (true)
        {
            BinaryOperator op;
            if (IsOperator(TokenKind.Less, "lt"))
            {
                op = BinaryOperator.Less;
            }
            else if (IsOperator(TokenKind.Greater, "gt"))
            {
                op = BinaryOperator.Greater;
            }
            else if (IsOperator(TokenKind.LessOrEqual, "le"))
            {
                op = BinaryOperator.LessOrEqual;
            }
            else if (IsOperator(TokenKind.GreaterOrEqual, "ge"))
            {
                op = BinaryOperator.GreaterOrEqual;
            }
            else
            {
                return left;
            }

            var token = _lexer.Next();
            left = Binary(op, left, ParseAdditive(), token);
        }
    }

    private VtlExpression ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (_lexer.Peek().Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var token = _lexer.Next();
            var op = token.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = Binary(op, left, ParseMultiplicative(), token);
        }

        return left;
    }

    private VtlExpression ParseMultiplicative()
    {
        var left = ParseUnary();
        while (_lexer.Peek().Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var token = _lexer.Next();
            var op = token.Kind switch
            {
                TokenKind.Star => BinaryOperator.Multiply,
                TokenKind.Slash => BinaryOperator.Divide,
                _ => BinaryOperator.Modulo,
            };
            left = Binary(op, left, ParseUnary(), token);
        }

        return left;
    }

    private VtlExpression ParseUnary()
    {
        Enter();
        try
        {
            var token = _lexer.Peek();
            if (token.Kind == TokenKind.Bang || (token.Kind == TokenKind.Word && token.Text == "not"))
            {
                _lexer.Next();
                var operand = ParseUnary();
                return WithSource(new NotExpression(operand, Line(token.Start), Column(token.Start)), token.Start);
            }

            if (token.Kind == TokenKind.Minus)
            {
                _lexer.Next();
                var operand = ParseUnary();
                if (operand is LiteralExpression { Value: int or long or double } literal)
                {
                    var negated = Values.JavaMath.Negate(literal.Value);
                    return WithSource(new LiteralExpression(negated, Line(token.Start), Column(token.Start)), token.Start);
                }

                return WithSource(new NegateExpression(operand, Line(token.Start), Column(token.Start)), token.Start);
            }

            return ParsePrimary();
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>A single operand: what macro arguments and <c>#foreach</c>'s list may be.</summary>
    public VtlExpression ParsePrimary()
    {
        var token = _lexer.Peek();
        var line = Line(token.Start);
        var column = Column(token.Start);
        switch (token.Kind)
        {
            case TokenKind.Dollar:
                _lexer.SkipToNext();
                return ParseReference(inText: false, escaped: false, escapePrefix: "")
                    ?? throw reader.Error("Expected a reference after '$'", token.Start);
            case TokenKind.DoubleQuotedString:
                _lexer.Next();
                if (token.Text.AsSpan().IndexOfAny('$', '#') >= 0)
                {
                    var template = owner.ParseInterpolated(token.Text, token.Start + 1);
                    return WithSource(new InterpolatedStringExpression(template, line, column), token.Start);
                }

                return WithSource(new LiteralExpression(token.Text, line, column), token.Start);
            case TokenKind.SingleQuotedString:
                _lexer.Next();
                return WithSource(new LiteralExpression(token.Text, line, column), token.Start);
            case TokenKind.Integer:
                _lexer.Next();
                return WithSource(new LiteralExpression(ParseInteger(token.Text), line, column), token.Start);
            case TokenKind.Decimal:
                _lexer.Next();
                return WithSource(
                    new LiteralExpression(double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture), line, column),
                    token.Start);
            case TokenKind.Word when token.Text is "true" or "false" or "null":
                _lexer.Next();
                object? value = token.Text switch { "true" => true, "false" => false, _ => null };
                return WithSource(new LiteralExpression(value, line, column), token.Start);
            case TokenKind.LeftBracket:
                return ParseListOrRange();
            case TokenKind.LeftBrace:
                return ParseMap();
            case TokenKind.LeftParen:
                _lexer.Next();
                var inner = ParseExpression();
                _lexer.Expect(TokenKind.RightParen, "')'");
                return inner;
            default:
                throw reader.Error($"Unexpected {_lexer.Describe(token)} in expression", token.Start);
        }
    }

    private VtlExpression ParseListOrRange()
    {
        var open = _lexer.Next();
        var items = new List<VtlExpression>();
        if (_lexer.Peek().Kind == TokenKind.RightBracket)
        {
            _lexer.Next();
            return WithSource(new ListExpression([], Line(open.Start), Column(open.Start)), open.Start);
        }

        var first = ParseExpression();
        if (_lexer.Peek().Kind == TokenKind.DotDot)
        {
            _lexer.Next();
            var last = ParseExpression();
            _lexer.Expect(TokenKind.RightBracket, "']'");
            return WithSource(new RangeExpression(first, last, Line(open.Start), Column(open.Start)), open.Start);
        }

        items.Add(first);
        while (_lexer.Peek().Kind == TokenKind.Comma)
        {
            _lexer.Next();
            items.Add(ParseExpression());
        }

        _lexer.Expect(TokenKind.RightBracket, "']' or ','");
        return WithSource(new ListExpression([.. items], Line(open.Start), Column(open.Start)), open.Start);
    }

    private VtlExpression ParseMap()
    {
        var open = _lexer.Next();
        var keys = new List<VtlExpression>();
        var values = new List<VtlExpression>();
        if (_lexer.Peek().Kind != TokenKind.RightBrace)
        {
            while (true)
            {
                keys.Add(ParseExpression());
                _lexer.Expect(TokenKind.Colon, "':'");
                values.Add(ParseExpression());
                if (_lexer.Peek().Kind != TokenKind.Comma)
                {
                    break;
                }

                _lexer.Next();
            }
        }

        _lexer.Expect(TokenKind.RightBrace, "'}' or ','");
        return WithSource(new MapExpression([.. keys], [.. values], Line(open.Start), Column(open.Start)), open.Start);
    }

    /// <summary>
    /// Reads <c>$name</c>, <c>$!name</c>, <c>${name}</c> and the members after it from the cursor, which stands
    /// on the <c>$</c>. In template text a malformed tail is left as text and null means "not a reference".
    /// </summary>
    public ReferenceExpression? ParseReference(bool inText, bool escaped, string escapePrefix)
    {
        var start = reader.Position;
        reader.Position++;
        var quiet = false;
        if (reader.Current == '!')
        {
            quiet = true;
            reader.Position++;
        }

        var formal = false;
        if (reader.Current == '{')
        {
            formal = true;
            reader.Position++;
        }

        if (!SourceReader.IsIdentifierStart(reader.Current))
        {
            reader.Position = start;
            return null;
        }

        var name = reader.ReadIdentifier();
        var segments = new List<ReferenceSegment>();
        while (true)
        {
            if (reader.Current == '.' && SourceReader.IsIdentifierStart(reader.Peek()))
            {
                var at = reader.Position + 1;
                reader.Position++;
                var member = reader.ReadIdentifier();
                if (reader.Current == '(')
                {
                    segments.Add(new MethodSegment(member, ParseArguments(), Line(at), Column(at)));
                }
                else
                {
                    segments.Add(new PropertySegment(member, Line(at), Column(at)));
                }
            }
            else if (reader.Current == '[')
            {
                var saved = reader.Position;
                try
                {
                    _lexer.Next();
                    var index = ParseExpression();
                    _lexer.Expect(TokenKind.RightBracket, "']'");
                    segments.Add(new IndexSegment(index, Line(saved), Column(saved)));
                }
                catch (VtlParseException) when (inText)
                {
                    reader.Position = saved;
                    break;
                }
            }
            else
            {
                break;
            }
        }

        if (formal)
        {
            if (reader.Current != '}')
            {
                if (inText)
                {
                    reader.Position = start;
                    return null;
                }

                throw reader.Error("Expected '}' to close the reference", reader.Position);
            }

            reader.Position++;
        }

        return new ReferenceExpression(name, [.. segments], Line(start), Column(start))
        {
            Quiet = quiet,
            Escaped = escaped,
            EscapePrefix = escapePrefix,
            SourceText = reader.Slice(start, reader.Position),
        };
    }

    private VtlExpression[] ParseArguments()
    {
        _lexer.Expect(TokenKind.LeftParen, "'('");
        if (_lexer.Peek().Kind == TokenKind.RightParen)
        {
            _lexer.Next();
            return [];
        }

        var arguments = new List<VtlExpression>();
        while (true)
        {
            arguments.Add(ParseExpression());
            var token = _lexer.Next();
            if (token.Kind == TokenKind.RightParen)
            {
                return [.. arguments];
            }

            if (token.Kind != TokenKind.Comma)
            {
                throw reader.Error($"Expected ',' or ')' in method arguments but found {_lexer.Describe(token)}", token.Start);
            }
        }
    }

    private static object ParseInteger(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
        {
            return i;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var l))
        {
            return l;
        }

        return double.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private bool IsOperator(TokenKind kind, string word)
    {
        var token = _lexer.Peek();
        return token.Kind == kind || (token.Kind == TokenKind.Word && token.Text == word);
    }

    private BinaryExpression Binary(BinaryOperator op, VtlExpression left, VtlExpression right, Token token) =>
        new(op, left, right, Line(token.Start), Column(token.Start))
        {
            SourceText = left.SourceText + " " + token.Text + " " + right.SourceText,
        };

    private T WithSource<T>(T expression, int start)
        where T : VtlExpression
    {
        expression.SourceText = reader.Slice(start, Math.Max(start, reader.Position));
        return expression;
    }

    private int Line(int position) => reader.LineAndColumn(position).Line;

    private int Column(int position) => reader.LineAndColumn(position).Column;
}
