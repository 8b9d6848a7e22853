using System.Text;
using System.Text.RegularExpressions;

namespace OrleansGateway.Mapping.Selection;

/// <summary>
/// An integration response's <c>selectionPattern</c>: a Java regular expression that must match
/// the whole selection value (<c>Pattern.matches</c>), compiled once. The Java-only constructs
/// people use (<c>\Q...\E</c> quoting, POSIX classes like <c>\p{Alpha}</c>) are rewritten for .NET.
/// </summary>
public sealed class SelectionPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["Lower"] = "a-z", ["Upper"] = "A-Z", ["ASCII"] = "\\x00-\\x7F", ["Alpha"] = "a-zA-Z",
        ["Digit"] = "0-9", ["Alnum"] = "a-zA-Z0-9", ["Punct"] = "!-/:-@\\[-`{-~", ["Graph"] = "!-~",
        ["Print"] = " -~", ["Blank"] = " \\t", ["Cntrl"] = "\\x00-\\x1F\\x7F", ["XDigit"] = "0-9a-fA-F",
        ["Space"] = " \\t\\n\\x0B\\f\\r",
    };

    private readonly Regex _regex;

    public SelectionPattern(string javaPattern)
    {
        Source = javaPattern;
        _regex = new Regex($"\\A(?:{Translate(javaPattern)})\\z", RegexOptions.CultureInvariant, MatchTimeout);
    }

    public string Source { get; }

    public bool Matches(string value)
    {
        try
        {
            return _regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string Translate(string java)
    {
        var result = new StringBuilder(java.Length);
        for (var i = 0; i < java.Length; i++)
        {
            if (java[i] != '\\' || i + 1 >= java.Length)
            {
                result.Append(java[i]);
                continue;
            }

            var next = java[i + 1];
            if (next == 'Q')
            {
                var end = java.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                var literal = end < 0 ? java[(i + 2)..] : java[(i + 2)..end];
                result.Append(Regex.Escape(literal));
                i = end < 0 ? java.Length : end + 1;
            }
            else if ((next == 'p' || next == 'P') && i + 2 < java.Length && java[i + 2] == '{'
                && java.IndexOf('}', i + 3) is var close and > 0
                && PosixClasses.TryGetValue(java[(i + 3)..close], out var range))
            {
                result.Append(next == 'p' ? $"[{range}]" : $"[^{range}]");
                i = close;
            }
            else
            {
                result.Append(java, i, 2);
                i++;
            }
        }

        return result.ToString();
    }
}
