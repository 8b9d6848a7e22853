using System.Text;
using OrleansGateway.Vtl.Lexing;
using OrleansGateway.Vtl.Syntax;

namespace OrleansGateway.Vtl.Parsing;

/// <summary>
/// Template text to syntax tree, following Velocity 1.7's lexer where it decides output: which
/// <c>$</c> and <c>#</c> start references and directives, backslash escapes, and the whitespace it
/// swallows (the line break after a directive's closing parenthesis, after <c>#else</c> and <c>#end</c>;
/// the indentation before <c>#set</c>).
/// </summary>
internal sealed class TemplateParser
{
    private readonly SourceReader _reader;
    private readonly ExpressionParser _expressions;
    private readonly Dictionary<string, MacroDefinition> _macros;
    private readonly StringBuilder _text = new();
    private int _textStart;
    private int _segmentStart;
    private int _blockDepth;

    public TemplateParser(SourceReader reader, Dictionary<string, MacroDefinition> macros, int depth)
    {
        _reader = reader;
        _macros = macros;
        Depth = depth;
        _expressions = new ExpressionParser(this, reader);
    }

    /// <summary>Nesting already used by enclosing templates (for strings) and open directives.</summary>
    public int Depth { get; private set; }

    public static (BlockNode Root, Dictionary<string, MacroDefinition> Macros) Parse(string source)
    {
        var macros = new Dictionary<string, MacroDefinition>(StringComparer.Ordinal);
        var parser = new TemplateParser(new SourceReader(source), macros, 0);
        var root = parser.ParseBlock(out var terminator, out var at, allowElse: false);
        if (terminator != Terminator.EndOfInput)
        {
            throw parser._reader.Error($"Unexpected #{Describe(terminator)} without a matching directive", at);
        }

        return (root, macros);
    }

    /// <summary>Parses the content of a double-quoted string literal as a template of its own.</summary>
    public BlockNode ParseInterpolated(string content, int contentStart)
    {
        var (line, column) = _reader.LineAndColumn(contentStart);
        var reader = new SourceReader(content, line - 1, column - 1);
        var parser = new TemplateParser(reader, _macros, Depth + 1);
        if (parser.Depth > ParserLimits.MaxNesting)
        {
            throw _reader.Error("String literals nested too deeply", contentStart);
        }

        var block = parser.ParseBlock(out var terminator, out var at, allowElse: false);
        if (terminator != Terminator.EndOfInput)
        {
            throw reader.Error($"Unexpected #{Describe(terminator)} in string literal", at);
        }

        return block;
    }

    private static string Describe(Terminator terminator) => terminator switch
    {
        Terminator.End => "end",
        Terminator.Else => "else",
        _ => "elseif",
    };

    private BlockNode ParseBlock(out Terminator terminator, out int terminatorAt, bool allowElse)
    {
        var blockStart = _reader.Position;
        if (++_blockDepth + Depth > ParserLimits.MaxNesting)
        {
            throw _reader.Error("Directives nested too deeply", blockStart);
        }

        var nodes = new List<VtlNode>();
        _text.Clear();
        _segmentStart = 0;
        terminator = Terminator.EndOfInput;
        terminatorAt = _reader.Position;
        while (!_reader.AtEnd)
        {
            var c = _reader.Current;
            if (c == '$')
            {
                if (!TryParseReference(nodes, _reader.Position, 0))
                {
                    AppendText("$");
                    _reader.Position++;
                }
            }
            else if (c == '\\')
            {
                ParseBackslashes(nodes);
            }
            else if (c == '#')
            {
                var at = _reader.Position;
                var found = ParseHash(nodes, allowElse);
                if (found is { } t)
                {
                    terminator = t;
                    terminatorAt = at;
                    break;
                }
            }
            else
            {
                var start = _reader.Position;
                var end = _reader.Text.AsSpan(start).IndexOfAny('$', '#', '\\');
                end = end < 0 ? _reader.Text.Length : start + end;
                if (_text.Length == 0)
                {
                    _textStart = start;
                }

                _text.Append(_reader.Text, start, end - start);
                _reader.Position = end;
            }
        }

        FlushText(nodes);
        _blockDepth--;
        var (line, column) = _reader.LineAndColumn(blockStart);
        return new BlockNode([.. nodes], line, column);
    }

    private void AppendText(string text)
    {
        if (_text.Length == 0)
        {
            _textStart = _reader.Position;
        }

        _text.Append(text);
    }

    /// <summary>Marks the end of a run of plain text: a construct that is not text was just read.</summary>
    private void EndSegment() => _segmentStart = _text.Length;

    private void FlushText(List<VtlNode> nodes)
    {
        if (_text.Length > 0)
        {
            var (line, column) = _reader.LineAndColumn(_textStart);
            nodes.Add(new TextNode(_text.ToString(), line, column));
            _text.Clear();
        }

        _segmentStart = 0;
    }

    private void AddNode(List<VtlNode> nodes, VtlNode node)
    {
        FlushText(nodes);
        nodes.Add(node);
    }

    private bool TryParseReference(List<VtlNode> nodes, int start, int backslashes)
    {
        var dollar = start + backslashes;
        _reader.Position = dollar;
        var reference = _expressions.ParseReference(
            inText: true,
            escaped: backslashes % 2 == 1,
            escapePrefix: new string('\\', backslashes / 2));
        if (reference is null)
        {
            _reader.Position = start;
            return false;
        }

        AddNode(nodes, reference);
        return true;
    }

    /// <summary>
    /// Backslashes before a reference or a directive escape it (Velocity halves the run and an odd
    /// count makes the <c>$</c> or <c>#</c> literal); anywhere else they are plain text.
    /// </summary>
    private void ParseBackslashes(List<VtlNode> nodes)
    {
        var start = _reader.Position;
        var count = 0;
        while (_reader.CharAt(start + count) == '\\')
        {
            count++;
        }

        var after = start + count;
        if (_reader.CharAt(after) == '$' && TryParseReference(nodes, start, count))
        {
            return;
        }

        if (_reader.CharAt(after) == '#' && DirectiveWordAt(after) is { } word)
        {
            _reader.Position = after;
            AppendText(new string('\\', count / 2));
            if (count % 2 == 1)
            {
                AppendText(_reader.Slice(after, after + word.Length));
                _reader.Position = after + word.Length;
            }

            return;
        }

        _reader.Position = start;
        AppendText(new string('\\', count));
        _reader.Position = after;
    }

    /// <summary>The source text of <c>#word</c> or <c>#{word}</c> at a position, when word is a directive or a macro.</summary>
    private string? DirectiveWordAt(int position)
    {
        var saved = _reader.Position;
        _reader.Position = position + 1;
        var formal = _reader.Current == '{';
        if (formal)
        {
            _reader.Position++;
        }

        var word = _reader.ReadWord();
        var valid = word.Length > 0 && (!formal || _reader.Current == '}')
            && (IsDirectiveName(word) || _macros.ContainsKey(word));
        var end = formal ? _reader.Position + 1 : _reader.Position;
        _reader.Position = saved;
        return valid ? _reader.Slice(position, end) : null;
    }

    private static bool IsDirectiveName(string word) => word is "set" or "if" or "elseif" or "else" or "end" or "foreach"
        or "macro" or "define" or "break" or "stop" or "include" or "parse" or "evaluate";

    private Terminator? ParseHash(List<VtlNode> nodes, bool allowElse)
    {
        var start = _reader.Position;
        var next = _reader.Peek();
        if (next == '#')
        {
            var newline = _reader.Text.IndexOf('\n', start);
            _reader.Position = newline < 0 ? _reader.Text.Length : newline + 1;
            EndSegment();
            return null;
        }

        if (next == '*')
        {
            var close = _reader.Text.IndexOf("*#", start + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw _reader.Error("Unterminated comment '#*'", start);
            }

            _reader.Position = close + 2;
            EndSegment();
            return null;
        }

        if (next == '[' && _reader.Peek(2) == '[')
        {
            var close = _reader.Text.IndexOf("]]#", start + 3, StringComparison.Ordinal);
            if (close < 0)
            {
                throw _reader.Error("Unterminated unparsed block '#[['", start);
            }

            _reader.Position = start + 3;
            AppendText(_reader.Slice(start + 3, close));
            _reader.Position = close + 3;
            EndSegment();
            return null;
        }

        var formal = next == '{';
        _reader.Position = start + (formal ? 2 : 1);
        var word = _reader.ReadWord();
        if (word.Length == 0 || (formal && _reader.Current != '}'))
        {
            _reader.Position = start;
            AppendText("#");
            _reader.Position = start + 1;
            return null;
        }

        if (formal)
        {
            _reader.Position++;
        }

        switch (word)
        {
            case "set":
                ParseSet(nodes, start);
                return null;
            case "if":
                ParseIf(nodes, start);
                return null;
            case "foreach":
                ParseForeach(nodes, start);
                return null;
            case "macro":
                ParseMacro(nodes, start);
                return null;
            case "define":
                ParseDefine(nodes, start);
                return null;
            case "break":
                ParseBreak(nodes, start);
                return null;
            case "stop":
                AddNode(nodes, new StopDirective(Line(start), Column(start)));
                return null;
            case "end":
                _reader.SkipTrailingNewline();
                return Terminator.End;
            case "else":
                if (!allowElse)
                {
                    throw _reader.Error("#else without a matching #if", start);
                }

                _reader.SkipTrailingNewline();
                return Terminator.Else;
            case "elseif":
                if (!allowElse)
                {
                    throw _reader.Error("#elseif without a matching #if", start);
                }

                return Terminator.ElseIf;
            case "include" or "parse" or "evaluate":
                throw _reader.Error($"#{word} is not supported in API Gateway mapping templates", start);
            default:
                ParseMacroCallOrText(nodes, start, word);
                return null;
        }
    }

    private void ExpectOpenParen(int directiveStart, string directive)
    {
        _reader.SkipWhiteSpace();
        if (_reader.Current != '(')
        {
            throw _reader.Error($"Expected '(' after #{directive}", directiveStart);
        }

        _expressions.Lexer.Next();
    }

    private void ExpectCloseParen(string directive)
    {
        var token = _expressions.Lexer.Peek();
        if (token.Kind != TokenKind.RightParen)
        {
            throw _reader.Error($"Expected ')' to close #{directive} but found {_expressions.Lexer.Describe(token)}", token.Start);
        }

        _expressions.Lexer.Next();
        _reader.SkipTrailingNewline();
    }

    private ReferenceExpression ParseTargetReference(string directive)
    {
        var token = _expressions.Lexer.Peek();
        if (token.Kind != TokenKind.Dollar)
        {
            throw _reader.Error($"Expected a reference in #{directive} but found {_expressions.Lexer.Describe(token)}", token.Start);
        }

        _expressions.Lexer.SkipToNext();
        return _expressions.ParseReference(inText: false, escaped: false, escapePrefix: "")
            ?? throw _reader.Error($"Expected a reference in #{directive}", token.Start);
    }

    private void ParseSet(List<VtlNode> nodes, int start)
    {
        GobbleIndentation();
        ExpectOpenParen(start, "set");
        var target = ParseTargetReference("set");
        if (target.Segments.Length > 0 && target.Segments[^1] is MethodSegment)
        {
            throw _reader.Error("#set cannot assign to a method call", target.Segments[^1].Line > 0 ? _reader.Position : start);
        }

        var assign = _expressions.Lexer.Peek();
        if (assign.Kind != TokenKind.Assign)
        {
            throw _reader.Error($"Expected '=' in #set but found {_expressions.Lexer.Describe(assign)}", assign.Start);
        }

        _expressions.Lexer.Next();
        var value = _expressions.ParseExpression();
        ExpectCloseParen("set");
        AddNode(nodes, new SetDirective(target, value, Line(start), Column(start)));
    }

    /// <summary>
    /// Velocity 1.7's #set token includes the spaces and tabs before it when they begin a line (or follow
    /// another construct), so an indented #set leaves no trace in the output.
    /// </summary>
    private void GobbleIndentation()
    {
        var end = _text.Length;
        var at = end;
        while (at > _segmentStart && _text[at - 1] is ' ' or '\t')
        {
            at--;
        }

        if (at < end && (at == _segmentStart || _text[at - 1] is '\n' or '\r'))
        {
            _text.Length = at;
        }
    }

    private void ParseIf(List<VtlNode> nodes, int start)
    {
        FlushText(nodes);
        var conditions = new List<VtlExpression>();
        var blocks = new List<BlockNode>();
        BlockNode? elseBlock = null;
        ExpectOpenParen(start, "if");
        conditions.Add(_expressions.ParseExpression());
        ExpectCloseParen("if");
        while (true)
        {
            var block = ParseBlock(out var terminator, out var at, allowElse: true);
            blocks.Add(block);
            if (terminator == Terminator.ElseIf)
            {
                ExpectOpenParen(at, "elseif");
                conditions.Add(_expressions.ParseExpression());
                ExpectCloseParen("elseif");
                continue;
            }

            if (terminator == Terminator.Else)
            {
                elseBlock = ParseBlock(out terminator, out _, allowElse: false);
            }

            if (terminator != Terminator.End)
            {
                throw _reader.Error("#if has no matching #end", start);
            }

            break;
        }

        nodes.Add(new IfDirective([.. conditions], [.. blocks], elseBlock, Line(start), Column(start)));
    }

    private BlockNode ParseBody(int start, string directive)
    {
        var body = ParseBlock(out var terminator, out _, allowElse: false);
        if (terminator != Terminator.End)
        {
            throw _reader.Error($"#{directive} has no matching #end", start);
        }

        return body;
    }

    private void ParseForeach(List<VtlNode> nodes, int start)
    {
        FlushText(nodes);
        ExpectOpenParen(start, "foreach");
        var variable = ParseTargetReference("foreach");
        if (variable.Segments.Length > 0)
        {
            throw _reader.Error("#foreach needs a simple variable before 'in'", start);
        }

        var keyword = _expressions.Lexer.Next();
        if (keyword.Kind != TokenKind.Word || keyword.Text != "in")
        {
            throw _reader.Error($"Expected 'in' in #foreach but found {_expressions.Lexer.Describe(keyword)}", keyword.Start);
        }

        var iterable = _expressions.ParseExpression();
        ExpectCloseParen("foreach");
        var body = ParseBody(start, "foreach");
        nodes.Add(new ForeachDirective(variable.RootName, iterable, body, Line(start), Column(start)));
    }

    private void ParseMacro(List<VtlNode> nodes, int start)
    {
        FlushText(nodes);
        ExpectOpenParen(start, "macro");
        _reader.SkipWhiteSpace();
        var name = _reader.ReadWord();
        if (name.Length == 0)
        {
            throw _reader.Error("Expected a macro name", _reader.Position);
        }

        var parameters = new List<string>();
        while (true)
        {
            var token = _expressions.Lexer.Peek();
            if (token.Kind == TokenKind.Comma)
            {
                _expressions.Lexer.Next();
                continue;
            }

            if (token.Kind == TokenKind.RightParen)
            {
                break;
            }

            var parameter = ParseTargetReference("macro");
            if (parameter.Segments.Length > 0)
            {
                throw _reader.Error("Macro parameters must be simple references", token.Start);
            }

            parameters.Add(parameter.RootName);
        }

        ExpectCloseParen("macro");
        var body = ParseBody(start, "macro");
        var definition = new MacroDefinition(name, [.. parameters], body, Line(start), Column(start));
        _macros[name] = definition;
        nodes.Add(definition);
    }

    private void ParseDefine(List<VtlNode> nodes, int start)
    {
        FlushText(nodes);
        ExpectOpenParen(start, "define");
        var target = ParseTargetReference("define");
        if (target.Segments.Length > 0)
        {
            throw _reader.Error("#define needs a simple reference", start);
        }

        ExpectCloseParen("define");
        var body = ParseBody(start, "define");
        nodes.Add(new DefineDirective(target.RootName, body, Line(start), Column(start)));
    }

    private void ParseBreak(List<VtlNode> nodes, int start)
    {
        if (_reader.Current == '(')
        {
            _expressions.Lexer.Next();
            ParseTargetReference("break");
            ExpectCloseParen("break");
        }

        AddNode(nodes, new BreakDirective(Line(start), Column(start)));
    }

    /// <summary>
    /// <c>#name(args)</c> calls a macro (looked up when rendered); <c>#name</c> without arguments, or with
    /// arguments that do not parse and no macro of that name, is plain text.
    /// </summary>
    private void ParseMacroCallOrText(List<VtlNode> nodes, int start, string word)
    {
        var afterWord = _reader.Position;
        _reader.SkipSpacesAndTabs();
        if (_reader.Current == '(')
        {
            try
            {
                _expressions.Lexer.Next();
                var arguments = new List<VtlExpression>();
                while (true)
                {
                    var token = _expressions.Lexer.Peek();
                    if (token.Kind == TokenKind.RightParen)
                    {
                        _expressions.Lexer.Next();
                        break;
                    }

                    if (token.Kind == TokenKind.Comma)
                    {
                        _expressions.Lexer.Next();
                        continue;
                    }

                    arguments.Add(_expressions.ParsePrimary());
                }

                var source = _reader.Slice(start, _reader.Position);
                _reader.SkipTrailingNewline();
                AddNode(nodes, new MacroCall(word, [.. arguments], source, Line(start), Column(start)));
                return;
            }
            catch (VtlParseException) when (!_macros.ContainsKey(word))
            {
                // Not a macro and not valid arguments: Velocity would treat the text as text.
            }
        }

        _reader.Position = start;
        AppendText(_reader.Slice(start, afterWord));
        _reader.Position = afterWord;
    }

    private int Line(int position) => _reader.LineAndColumn(position).Line;

    private int Column(int position) => _reader.LineAndColumn(position).Column;
}
