using System.Text;
using System.Text.RegularExpressions;
using OrleansGateway.Mapping.Parameters;

namespace OrleansGateway.Mapping.GatewayResponses;

/// <summary>
/// A gateway response body template. AWS does not run these through the VTL engine: it only
/// substitutes <c>$context.*</c> and <c>$stageVariables.*</c> (also written <c>${context.x}</c>), and
/// leaves everything else, <c>#if</c> and <c>$input</c> included, as written. Parsed once into
/// literal text and variable slots.
/// </summary>
public sealed partial class GatewayResponseTemplate
{
    private readonly List<(string Text, bool IsStageVariable, string? Path)> _parts = [];

    public GatewayResponseTemplate(string source)
    {
        Source = source;
        var position = 0;
        foreach (Match match in Variable().Matches(source))
        {
            _parts.Add((source[position..match.Index], false, null));
            var root = match.Groups["root"].Success ? match.Groups["root"].Value : match.Groups["broot"].Value;
            var path = match.Groups["path"].Success ? match.Groups["path"].Value : match.Groups["bpath"].Value;
            _parts.Add((string.Empty, root == "stageVariables", path[1..]));
            position = match.Index + match.Length;
        }

        _parts.Add((source[position..], false, null));
    }

    public string Source { get; }

    /// <summary>Substitutes the variables; one that is not set renders as nothing.</summary>
    public string Render(IDictionary<string, object?>? context, IReadOnlyDictionary<string, string>? stageVariables)
    {
        var body = new StringBuilder(Source.Length + 64);
        foreach (var (text, isStageVariable, path) in _parts)
        {
            body.Append(text);
            if (path is null)
            {
                continue;
            }

            body.Append(isStageVariable
                ? stageVariables?.GetValueOrDefault(path)
                : ContextTree.Format(ContextTree.Find(context, path)));
        }

        return body.ToString();
    }

    [GeneratedRegex(@"\$(?:\{(?<broot>context|stageVariables)(?<bpath>(?:\.[A-Za-z0-9_\-]+)+)\}|(?<root>context|stageVariables)(?<path>(?:\.[A-Za-z0-9_]+)+))", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();
}
