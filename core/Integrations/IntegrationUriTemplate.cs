using System.Runtime.CompilerServices;
using System.Text;
using OrleansGateway.Routing;

namespace OrleansGateway.Integrations;

/// <summary>
/// An HTTP integration URI compiled for one stage: <c>${stageVariables.x}</c> is substituted once,
/// <c>{name}</c> path variables of the matched route are filled in per request (escaped; a greedy
/// variable keeps its slashes).
/// </summary>
public sealed class IntegrationUriTemplate
{
    private readonly Part[] _parts;

    private IntegrationUriTemplate(string text, string origin, Part[] parts, string query, bool endsWithSlash)
    {
        Text = text;
        Origin = origin;
        _parts = parts;
        Query = query;
        EndsWithSlash = endsWithSlash;
    }

    /// <summary>The URI after stage variables were substituted.</summary>
    public string Text { get; }

    /// <summary><c>scheme://authority</c>, where an <c>overwrite:path</c> mapping puts its path.</summary>
    public string Origin { get; }

    /// <summary>The URI's own query without <c>?</c> (static), or empty.</summary>
    public string Query { get; }

    /// <summary>The URI's path ends with <c>/</c>, so an appended request path drops its first one.</summary>
    public bool EndsWithSlash { get; }

    public bool HasPathVariables => _parts.Length > 1 || (_parts.Length == 1 && !_parts[0].IsLiteral);

    public static IntegrationUriTemplate Parse(string uri, IReadOnlyDictionary<string, string>? stageVariables)
    {
        var text = SubstituteStageVariables(uri, stageVariables);
        var queryStart = text.IndexOf('?');
        var query = queryStart < 0 ? string.Empty : text[(queryStart + 1)..];
        var beforeQuery = queryStart < 0 ? text : text[..queryStart];
        var authority = text.IndexOf("://", StringComparison.Ordinal);
        var pathStart = authority < 0 ? -1 : text.IndexOfAny(['/', '?'], authority + 3);
        var origin = pathStart < 0 ? text : text[..pathStart];
        if (authority >= 0 && beforeQuery.Length == origin.Length)
        {
            // No path at all: the request line still needs one, and the URI is sent as built.
            beforeQuery += "/";
        }

        var parts = new List<Part>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < beforeQuery.Length)
        {
            var open = beforeQuery.IndexOf('{', i);
            var close = open < 0 ? -1 : beforeQuery.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                literal.Append(beforeQuery, i, beforeQuery.Length - i);
                break;
            }

            literal.Append(beforeQuery, i, open - i);
            if (literal.Length > 0)
            {
                parts.Add(new Part(true, literal.ToString()));
                literal.Clear();
            }

            parts.Add(new Part(false, beforeQuery[(open + 1)..close].TrimEnd('+')));
            i = close + 1;
        }

        if (literal.Length > 0)
        {
            parts.Add(new Part(true, literal.ToString()));
        }

        var endsWithSlash = beforeQuery.Length > origin.Length && beforeQuery.EndsWith('/');
        return new IntegrationUriTemplate(text, origin, [.. parts], query, endsWithSlash);
    }

    /// <summary>Appends the URI without its query, with <paramref name="match"/>'s path variables filled in (see <see cref="UriPathEscaping"/>).</summary>
    public void AppendTo(ref DefaultInterpolatedStringHandler builder, in RouteMatch match, bool keepEncodedSlashes = true)
    {
        foreach (var part in _parts)
        {
            if (part.IsLiteral)
            {
                builder.AppendLiteral(part.Text);
            }
            else if (match.TryGetParameter(part.Text, out var value, out var greedy))
            {
                UriPathEscaping.Append(ref builder, value, keepSlashes: greedy, keepEncodedSlashes);
            }
        }
    }

    /// <summary>
    /// Appends the URI without its query, its <c>{name}</c> variables filled from mapped values
    /// (<c>integration.request.path.name</c>). Each value is one segment: slashes, percent signs and
    /// dot-only values are escaped, so client input never leaves the URI's base path.
    /// </summary>
    public void AppendTo(ref DefaultInterpolatedStringHandler builder, IReadOnlyDictionary<string, string> values)
    {
        foreach (var part in _parts)
        {
            if (part.IsLiteral)
            {
                builder.AppendLiteral(part.Text);
            }
            else if (values.TryGetValue(part.Text, out var value))
            {
                UriPathEscaping.Append(ref builder, value, keepSlashes: false, keepEncodedSlashes: false);
            }
        }
    }

    /// <summary>
    /// Appends the URI without its query for a REST integration: each <c>{name}</c> takes the
    /// <c>integration.request.path.name</c> mapping, else the method request's path parameter of that
    /// name. Values are escaped as one segment, except the resource's greedy parameter
    /// (<paramref name="greedyName"/>), which keeps its slashes.
    /// </summary>
    public void AppendTo(
        ref DefaultInterpolatedStringHandler builder, IReadOnlyDictionary<string, string> mapped,
        IReadOnlyDictionary<string, string> pathParameters, string? greedyName)
    {
        foreach (var part in _parts)
        {
            if (part.IsLiteral)
            {
                builder.AppendLiteral(part.Text);
            }
            else if (mapped.TryGetValue(part.Text, out var value) || pathParameters.TryGetValue(part.Text, out value))
            {
                UriPathEscaping.Append(ref builder, value, keepSlashes: part.Text == greedyName, keepEncodedSlashes: false);
            }
        }
    }

    private static string SubstituteStageVariables(string uri, IReadOnlyDictionary<string, string>? stageVariables)
    {
        const string Prefix = "${stageVariables.";
        if (!uri.Contains(Prefix, StringComparison.Ordinal))
        {
            return uri;
        }

        var builder = new StringBuilder();
        var i = 0;
        while (i < uri.Length)
        {
            var start = uri.IndexOf(Prefix, i, StringComparison.Ordinal);
            var end = start < 0 ? -1 : uri.IndexOf('}', start);
            if (start < 0 || end < 0)
            {
                builder.Append(uri, i, uri.Length - i);
                break;
            }

            builder.Append(uri, i, start - i);
            var name = uri[(start + Prefix.Length)..end];
            if (stageVariables is not null && stageVariables.TryGetValue(name, out var value))
            {
                builder.Append(value);
            }

            i = end + 1;
        }

        return builder.ToString();
    }

    private readonly record struct Part(bool IsLiteral, string Text);
}
