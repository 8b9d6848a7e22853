using System.Runtime.CompilerServices;

namespace OrleansGateway.Mapping.HttpApi;

/// <summary>
/// A compiled mapping value such as <c>$request.header.x</c>, <c>${request.path.id}-${stageVariables.env}</c>
/// or static text. Stage variables are fixed per stage, so they are substituted when compiling,
/// leaving only request and response variables for each request.
/// </summary>
public sealed class MappingValue
{
    private readonly MappingValuePart[] _parts;

    private MappingValue(MappingValuePart[] parts) => _parts = parts;

    public IReadOnlyList<MappingValuePart> Parts => _parts;

    /// <summary>Compiles <paramref name="expression"/>; <paramref name="stageVariables"/> fills <c>$stageVariables.x</c>.</summary>
    public static MappingValue Parse(string expression, IReadOnlyDictionary<string, string>? stageVariables)
    {
        var parts = new List<MappingValuePart>();
        var literal = new System.Text.StringBuilder();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c != '$' || i + 1 >= expression.Length)
            {
                literal.Append(c);
                i++;
                continue;
            }

            string name;
            int next;
            if (expression[i + 1] == '{')
            {
                var close = expression.IndexOf('}', i + 2);
                if (close < 0)
                {
                    literal.Append(expression, i, expression.Length - i);
                    break;
                }

                name = expression[(i + 2)..close].Trim();
                next = close + 1;
            }
            else
            {
                // Without braces a variable runs while its characters could be part of a name;
                // AWS asks for braces when a value holds more than one variable.
                next = i + 1;
                while (next < expression.Length && IsUnbracedNameChar(expression[next]))
                {
                    next++;
                }

                // A body's JSON path goes on through its indexes: $request.body.items[0].id.
                if (IsBodyVariable(expression.AsSpan(i + 1, next - i - 1)))
                {
                    while (next < expression.Length && (IsUnbracedNameChar(expression[next]) || expression[next] is '[' or ']' or '\''))
                    {
                        next++;
                    }
                }

                name = expression[(i + 1)..next];
            }

            if (TryClassify(name, out var kind, out var variable))
            {
                if (literal.Length > 0)
                {
                    parts.Add(MappingValuePart.Literal(literal.ToString()));
                    literal.Clear();
                }

                parts.Add(MappingValuePart.Variable(kind, variable));
            }
            else if (name.StartsWith("stageVariables.", StringComparison.Ordinal))
            {
                var value = stageVariables is not null && stageVariables.TryGetValue(name["stageVariables.".Length..], out var v) ? v : string.Empty;
                literal.Append(value);
            }
            else
            {
                literal.Append(expression, i, next - i);
            }

            i = next;
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add(MappingValuePart.Literal(literal.ToString()));
        }

        return new MappingValue([.. parts]);
    }

    /// <summary>Whether evaluating this value reads a variable of <paramref name="kind"/> (a body must then be buffered).</summary>
    public bool Reads(MappingVariableKind kind) => Array.Exists(_parts, part => !part.IsLiteral && part.Kind == kind);

    /// <summary>The value for one request; a variable the request lacks contributes nothing.</summary>
    public string Evaluate(IMappingValueSource source)
    {
        if (_parts.Length == 1)
        {
            var only = _parts[0];
            return only.IsLiteral ? only.Text : source.Resolve(only.Kind, only.Text) ?? string.Empty;
        }

        var builder = new DefaultInterpolatedStringHandler(0, _parts.Length);
        foreach (var part in _parts)
        {
            builder.AppendLiteral(part.IsLiteral ? part.Text : source.Resolve(part.Kind, part.Text) ?? string.Empty);
        }

        return builder.ToStringAndClear();
    }

    private static bool IsBodyVariable(ReadOnlySpan<char> name) =>
        name.StartsWith("request.body", StringComparison.Ordinal) || name.StartsWith("response.body", StringComparison.Ordinal);

    private static bool IsUnbracedNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';

    private static bool TryClassify(string name, out MappingVariableKind kind, out string variable)
    {
        (kind, variable) = name switch
        {
            "request.path" => (MappingVariableKind.RequestPath, string.Empty),
            _ when name.StartsWith("request.header.", StringComparison.Ordinal) => (MappingVariableKind.RequestHeader, name["request.header.".Length..]),
            _ when name.StartsWith("request.querystring.", StringComparison.Ordinal) => (MappingVariableKind.RequestQueryString, name["request.querystring.".Length..]),
            _ when name.StartsWith("request.path.", StringComparison.Ordinal) => (MappingVariableKind.RequestPathParameter, name["request.path.".Length..]),
            _ when name.StartsWith("request.body", StringComparison.Ordinal) => (MappingVariableKind.RequestBody, name["request.body".Length..].TrimStart('.')),
            _ when name.StartsWith("context.", StringComparison.Ordinal) => (MappingVariableKind.Context, name["context.".Length..]),
            _ when name.StartsWith("response.header.", StringComparison.Ordinal) => (MappingVariableKind.ResponseHeader, name["response.header.".Length..]),
            _ when name.StartsWith("response.body", StringComparison.Ordinal) => (MappingVariableKind.ResponseBody, name["response.body".Length..].TrimStart('.')),
            _ => ((MappingVariableKind)(-1), string.Empty),
        };
        return (int)kind >= 0 && (kind == MappingVariableKind.RequestPath || variable.Length > 0 || kind is MappingVariableKind.RequestBody or MappingVariableKind.ResponseBody);
    }
}
