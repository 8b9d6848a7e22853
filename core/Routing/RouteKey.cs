using System.Buffers;

namespace OrleansGateway.Routing;

/// <summary>
/// An HTTP API route key taken apart: <c>$default</c>, or <c>METHOD /path</c> where the method may
/// be <c>ANY</c> and the path may hold <c>{name}</c> variables and one greedy <c>{name+}</c> at the end.
/// </summary>
public sealed class RouteKey
{
    public const string Default = "$default";
    public const string AnyMethod = "ANY";

    /// <summary>
    /// AWS's rule for a part of a route path: a literal, or a variable with an optional <c>+</c>.
    /// AWS prints it in its error message, so the message quotes it as is.
    /// </summary>
    public const string PathPartPattern = @"^(\{[\w.:-]+\+?\}|[a-zA-Z0-9.:_-]+)$";

    // ASCII letters, digits and ._:- are what AWS's pattern allows in literals and (as \w.:-) in names.
    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-");

    private RouteKey(string text, string method, RouteSegment[] segments)
    {
        Text = text;
        Method = method;
        Segments = segments;
    }

    public string Text { get; }

    /// <summary>The method in upper case, <c>ANY</c>, or empty for <c>$default</c>.</summary>
    public string Method { get; }

    public IReadOnlyList<RouteSegment> Segments { get; }

    public bool IsDefault => Text == Default;

    /// <summary>
    /// The key with its variables' names left out (<c>GET /pets/{}</c>, <c>ANY /{+}</c>): two keys
    /// of one shape match the same requests, so an API may hold only one of them.
    /// </summary>
    public string Shape => IsDefault
        ? Text
        : $"{Method} /{string.Join('/', Segments.Select(s => s.Kind switch { RouteSegmentKind.Literal => s.Text, RouteSegmentKind.Parameter => "{}", _ => "{+}" }))}";

    public static bool TryParse(string? text, out RouteKey key) => TryParse(text, out key, out _);

    /// <summary>
    /// Parses a route key as the edge compiles it; <paramref name="error"/> says why one is refused,
    /// in the words the control plane answers with, so both tiers accept exactly the same keys.
    /// </summary>
    public static bool TryParse(string? text, out RouteKey key, out string error)
    {
        key = null!;
        error = string.Empty;
        if (text == Default)
        {
            key = new RouteKey(text, string.Empty, []);
            return true;
        }

        var space = text?.IndexOf(' ') ?? -1;
        if (text is null || space <= 0 || space + 1 >= text.Length || text[space + 1] != '/')
        {
            error = $"Invalid route key: {text}. A route key is '$default' or an HTTP method and a path starting with '/', such as 'GET /pets'.";
            return false;
        }

        var method = text[..space];
        if (!HttpApiMethods.IsValid(method))
        {
            error = $"Invalid HTTP method specified in route key {text}: {method}. Must be one of {HttpApiMethods.List}";
            return false;
        }

        var path = text[(space + 1)..];
        var segments = new List<RouteSegment>();
        if (path != "/")
        {
            var parts = path[1..].Split('/');
            if (parts.Length > StageRoutingTable.MaxSegments)
            {
                error = $"Invalid route key: {text}. A path has at most {StageRoutingTable.MaxSegments} parts.";
                return false;
            }

            for (var i = 0; i < parts.Length; i++)
            {
                var part = parts[i];
                if (!IsPathPart(part, out var kind, out var name))
                {
                    error = "One or more path parts appear to be invalid. Parts are validated against this regular expression: " + PathPartPattern;
                    return false;
                }

                if (kind == RouteSegmentKind.Greedy && i != parts.Length - 1)
                {
                    error = $"Invalid route key: {text}. A greedy path variable such as {{{name}+}} must be the last part of the path.";
                    return false;
                }

                if (kind != RouteSegmentKind.Literal && segments.Exists(s => s.Kind != RouteSegmentKind.Literal && s.Text == name))
                {
                    error = $"Invalid route key: {text}. The path variable {{{name}}} appears more than once.";
                    return false;
                }

                segments.Add(new RouteSegment(kind, name));
            }
        }

        key = new RouteKey(text, method, [.. segments]);
        return true;
    }

    private static bool IsPathPart(string part, out RouteSegmentKind kind, out string name)
    {
        kind = RouteSegmentKind.Literal;
        name = part;
        if (part.Length > 2 && part[0] == '{' && part[^1] == '}')
        {
            name = part[1..^1];
            kind = RouteSegmentKind.Parameter;
            if (name.EndsWith('+'))
            {
                name = name[..^1];
                kind = RouteSegmentKind.Greedy;
            }

            return name.Length > 0 && name.AsSpan().IndexOfAnyExcept(NameChars) < 0;
        }

        return part.Length > 0 && part.AsSpan().IndexOfAnyExcept(NameChars) < 0;
    }

    public override string ToString() => Text;
}
