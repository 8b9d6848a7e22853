namespace OrleansGateway.Routing;

/// <summary>
/// An HTTP API route key taken apart: <c>$default</c>, or <c>METHOD /path</c> where the method may
/// be <c>ANY</c> and the path may hold <c>{name}</c> variables and one greedy <c>{name+}</c> at the end.
/// </summary>
public sealed class RouteKey
{
    public const string Default = "$default";
    public const string AnyMethod = "ANY";

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

    public static bool TryParse(string? text, out RouteKey key)
    {
        key = null!;
        if (text == Default)
        {
            key = new RouteKey(text, string.Empty, []);
            return true;
        }

        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var space = text.IndexOf(' ');
        if (space <= 0 || space + 1 >= text.Length || text[space + 1] != '/')
        {
            return false;
        }

        var method = text[..space];
        foreach (var c in method)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        var path = text[(space + 1)..];
        var segments = new List<RouteSegment>();
        if (path != "/")
        {
            var parts = path[1..].Split('/');
            for (var i = 0; i < parts.Length; i++)
            {
                var part = parts[i];
                if (part.Length == 0)
                {
                    return false;
                }

                if (part[0] == '{' && part[^1] == '}')
                {
                    var name = part[1..^1];
                    var greedy = name.EndsWith('+');
                    if (greedy)
                    {
                        name = name[..^1];
                        if (i != parts.Length - 1)
                        {
                            return false;
                        }
                    }

                    if (name.Length == 0 || name.Contains('{') || name.Contains('}'))
                    {
                        return false;
                    }

                    segments.Add(new RouteSegment(greedy ? RouteSegmentKind.Greedy : RouteSegmentKind.Parameter, name));
                }
                else if (part.Contains('{') || part.Contains('}'))
                {
                    return false;
                }
                else
                {
                    segments.Add(new RouteSegment(RouteSegmentKind.Literal, part));
                }
            }
        }

        key = new RouteKey(text, method, [.. segments]);
        return true;
    }

    public override string ToString() => Text;
}
