using System.Text.RegularExpressions;
using OrleansGateway.Vtl.Values;

namespace OrleansGateway.Mapping.Selection;

/// <summary>
/// An integration response's <c>selectionPattern</c>: a Java regular expression that must match
/// the whole selection value (<c>Pattern.matches</c>), compiled once with the VTL engine's Java
/// regex translation (<c>\Q..\E</c>, POSIX classes, ASCII <c>\d</c>, possessive quantifiers).
/// </summary>
public sealed class SelectionPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex _regex;

    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    public SelectionPattern(string javaPattern)
    {
        Source = javaPattern;
        _regex = new Regex($"\\A(?:{JavaRegex.Translate(javaPattern)})\\z", RegexOptions.CultureInvariant, MatchTimeout);
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
}
