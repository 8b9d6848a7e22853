using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansGateway.Vtl.Values;

/// <summary>
/// Java regular expressions (<c>replaceAll</c>, <c>matches</c>, <c>split</c>) on .NET's engine: the
/// constructs that differ are rewritten (<c>\Q..\E</c>, POSIX <c>\p{Alpha}</c>, ASCII-only <c>\d \w \s</c>,
/// possessive quantifiers), replacement strings use Java's <c>$1</c> and <c>\$</c> rules, and every match
/// is bounded in time so a pathological pattern cannot hang a render.
/// </summary>
internal static class JavaRegex
{
    private const int MaxCachedPatterns = 512;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static Regex Get(string javaPattern)
    {
        if (Cache.TryGetValue(javaPattern, out var cached))
        {
            return cached;
        }

        Regex regex;
        try
        {
            regex = new Regex(Translate(javaPattern), RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new VtlRenderException($"Invalid regular expression '{javaPattern}': {e.Message}", e);
        }

        if (Cache.Count >= MaxCachedPatterns)
        {
            Cache.Clear();
        }

        Cache[javaPattern] = regex;
        return regex;
    }

    public static string ReplaceAll(string input, string pattern, string replacement) =>
        Guard(() =>
        {
            var regex = Get(pattern);
            return regex.Replace(input, TranslateReplacement(replacement, regex));
        });

    public static string ReplaceFirst(string input, string pattern, string replacement) =>
        Guard(() =>
        {
            var regex = Get(pattern);
            return regex.Replace(input, TranslateReplacement(replacement, regex), 1);
        });

    public static bool Matches(string input, string pattern) =>
        Guard(() => Get("\\A(?:" + pattern + ")\\z").IsMatch(input));

    /// <summary>Java's <c>String.split(regex, limit)</c>, including its removal of trailing empty strings.</summary>
    public static string[] Split(string input, string pattern, int limit) =>
        Guard(() =>
        {
            if (input.Length == 0)
            {
                return [""];
            }

            var parts = new List<string>();
            var start = 0;
            var match = Get(pattern).Match(input);
            while (match.Success && (limit <= 0 || parts.Count < limit - 1))
            {
                if (match.Length == 0 && match.Index == 0)
                {
                    match = match.NextMatch();
                    continue;
                }

                if (match.Length == 0 && match.Index >= input.Length)
                {
                    break;
                }

                parts.Add(input[start..match.Index]);
                start = match.Index + match.Length;
                match = match.NextMatch();
            }

            parts.Add(input[start..]);
            if (limit == 0)
            {
                var count = parts.Count;
                while (count > 0 && parts[count - 1].Length == 0)
                {
                    count--;
                }

                parts.RemoveRange(count, parts.Count - count);
            }

            return parts.ToArray();
        });

    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new VtlRenderException("Regular expression took too long to evaluate", e);
        }
    }

    internal static string Translate(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 16);
        var inClass = 0;
        var afterQuantifier = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                afterQuantifier = false;
                var next = pattern[i + 1];
                if (next == 'Q')
                {
                    var end = pattern.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                    var quoted = end < 0 ? pattern[(i + 2)..] : pattern[(i + 2)..end];
                    builder.Append(Regex.Escape(quoted));
                    i = end < 0 ? pattern.Length : end + 1;
                    continue;
                }

                if (next is 'p' or 'P' && i + 2 < pattern.Length && pattern[i + 2] == '{')
                {
                    var close = pattern.IndexOf('}', i + 3);
                    if (close > 0 && PosixClass(pattern[(i + 3)..close]) is { } posix && (next == 'p' || inClass == 0))
                    {
                        builder.Append(next == 'P' ? "[^" + posix + "]" : inClass > 0 ? posix : "[" + posix + "]");
                        i = close;
                        continue;
                    }
                }

                var shorthand = next switch
                {
                    'd' => "0-9",
                    'w' => "a-zA-Z0-9_",
                    's' => " \\t\\n\\x0B\\f\\r",
                    _ => null,
                };
                if (shorthand is not null)
                {
                    builder.Append(inClass > 0 ? shorthand : "[" + shorthand + "]");
                }
                else
                {
                    builder.Append(c).Append(next);
                }

                i++;
                continue;
            }

            if (c == '[')
            {
                inClass++;
            }
            else if (c == ']' && inClass > 0)
            {
                inClass--;
            }
            else if (c == '+' && inClass == 0 && afterQuantifier)
            {
                // A possessive quantifier; .NET has none, and the greedy form matches the same inputs in practice.
                afterQuantifier = false;
                continue;
            }

            afterQuantifier = inClass == 0 && c is '*' or '+' or '?' or '}';
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string? PosixClass(string name) => name switch
    {
        "Lower" => "a-z",
        "Upper" => "A-Z",
        "ASCII" => "\\x00-\\x7F",
        "Alpha" => "a-zA-Z",
        "Digit" => "0-9",
        "Alnum" => "a-zA-Z0-9",
        "Punct" => "!-/:-@\\[-`{-~",
        "Graph" => "!-~",
        "Print" => " -~",
        "Blank" => " \\t",
        "Cntrl" => "\\x00-\\x1F\\x7F",
        "XDigit" => "0-9a-fA-F",
        "Space" => " \\t\\n\\x0B\\f\\r",
        _ => null,
    };

    /// <summary>Java's replacement syntax: <c>$n</c> and <c>${name}</c> are groups, <c>\x</c> is a literal x.</summary>
    internal static string TranslateReplacement(string replacement, Regex regex)
    {
        if (replacement.AsSpan().IndexOfAny('$', '\\') < 0)
        {
            return replacement;
        }

        var groupCount = regex.GetGroupNumbers().Max();
        var builder = new StringBuilder(replacement.Length + 8);
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c == '\\')
            {
                if (++i >= replacement.Length)
                {
                    throw new VtlRenderException("character to be escaped is missing");
                }

                builder.Append(replacement[i] == '$' ? "$$" : replacement[i].ToString());
            }
            else if (c == '$')
            {
                if (++i >= replacement.Length)
                {
                    throw new VtlRenderException("Illegal group reference: group index is missing");
                }

                if (replacement[i] == '{')
                {
                    var close = replacement.IndexOf('}', i);
                    if (close < 0)
                    {
                        throw new VtlRenderException("named capturing group is missing trailing '}'");
                    }

                    builder.Append("${").Append(replacement, i + 1, close - i - 1).Append('}');
                    i = close;
                }
                else if (char.IsAsciiDigit(replacement[i]))
                {
                    var group = replacement[i] - '0';
                    if (group > groupCount)
                    {
                        throw new VtlRenderException($"No group {group}");
                    }

                    while (i + 1 < replacement.Length && char.IsAsciiDigit(replacement[i + 1])
                        && group * 10 + (replacement[i + 1] - '0') <= groupCount)
                    {
                        group = group * 10 + (replacement[++i] - '0');
                    }

                    builder.Append("${").Append(group).Append('}');
                }
                else
                {
                    throw new VtlRenderException("Illegal group reference");
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
