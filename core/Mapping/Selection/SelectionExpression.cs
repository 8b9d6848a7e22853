using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrleansGateway.JsonPath;
using OrleansGateway.Mapping.Parameters;

namespace OrleansGateway.Mapping.Selection;

/// <summary>
/// A WebSocket selection expression (<c>\$default</c>, <c>$request.body.action</c>,
/// <c>${request.body.version}-beta</c>), parsed once: literal text, <c>\$</c> escapes and variables
/// (<c>request.body.&lt;jsonpath&gt;</c>, <c>request.header.N</c>, <c>request.querystring.N</c>,
/// <c>context.a.b</c>, <c>stageVariables.N</c>, and <c>integration.response.statuscode</c> for integration
/// response selection), evaluated once each with no recursion.
/// </summary>
public sealed partial class SelectionExpression
{
    private readonly List<(string Text, string? Variable, JsonPathExpression? BodyPath)> _parts = [];

    public SelectionExpression(string source)
    {
        Source = source;
        var literal = new StringBuilder();
        var position = 0;
        while (position < source.Length)
        {
            if (source[position] == '\\' && position + 1 < source.Length && source[position + 1] == '$')
            {
                literal.Append('$');
                position += 2;
                continue;
            }

            var match = source[position] == '$' ? Variable().Match(source, position) : Match.Empty;
            if (!match.Success || match.Index != position)
            {
                literal.Append(source[position++]);
                continue;
            }

            var name = match.Groups["braced"].Success ? match.Groups["braced"].Value : match.Groups["bare"].Value;
            var bodyPath = name == "request.body" ? "$"
                : name.StartsWith("request.body.", StringComparison.Ordinal) ? "$." + name["request.body.".Length..]
                : null;
            _parts.Add((literal.ToString(), name, bodyPath is null ? null : JsonPathExpression.Parse(bodyPath)));
            literal.Clear();
            position += match.Length;
        }

        _parts.Add((literal.ToString(), null, null));
    }

    public string Source { get; }

    public string Evaluate(SelectionExpressionInputs inputs)
    {
        var key = new StringBuilder();
        JsonNode? body = null;
        var bodyParsed = false;
        foreach (var (text, variable, bodyPath) in _parts)
        {
            key.Append(text);
            if (variable is null)
            {
                continue;
            }

            if (bodyPath is not null)
            {
                if (!bodyParsed)
                {
                    body = ParseBody(inputs.Body);
                    bodyParsed = true;
                }

                key.Append(Text(bodyPath.Select(body)));
            }
            else
            {
                key.Append(Lookup(variable, inputs));
            }
        }

        return key.ToString();
    }

    private static string? Lookup(string variable, SelectionExpressionInputs inputs)
    {
        static string? After(string value, string prefix) =>
            value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : null;

        if (After(variable, "request.header.") is { } header)
        {
            return inputs.Headers?.FirstOrDefault(h => string.Equals(h.Key, header, StringComparison.OrdinalIgnoreCase)).Value;
        }

        if (After(variable, "request.querystring.") is { } query)
        {
            return inputs.QueryString?.GetValueOrDefault(query);
        }

        if (variable == "integration.response.statuscode")
        {
            return inputs.IntegrationStatusCode;
        }

        if (After(variable, "stageVariables.") is { } stageVariable)
        {
            return inputs.StageVariables?.GetValueOrDefault(stageVariable);
        }

        return After(variable, "context.") is { } context ? ContextTree.Format(ContextTree.Find(inputs.Context, context)) : null;
    }

    private static string Text(IReadOnlyList<JsonNode?> selected) => selected.Count == 0 || selected[0] is null
        ? string.Empty
        : selected[0] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : selected[0]!.ToJsonString();

    private static JsonNode? ParseBody(string? body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\$(?:\{(?<braced>[^}]+)\}|(?<bare>(?:request|context|stageVariables|integration)(?:\.[A-Za-z0-9_\-]+|\[[^\]]*\])+))", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();
}
