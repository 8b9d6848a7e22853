using System.Buffers;

namespace OrleansGateway.WebSockets;

/// <summary>Group names (<c>@groups/{group}</c>) and the key of a group's grain.</summary>
public static class GroupNames
{
    public const int MaxLength = 128;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    /// <summary>1–128 of <c>A-Z a-z 0-9 . _ -</c>, but not <c>.</c> or <c>..</c>, which a URL path cannot carry as a segment.</summary>
    public static bool IsValid(ReadOnlySpan<char> name) =>
        name.Length is > 0 and <= MaxLength
        && !name.ContainsAnyExcept(Allowed)
        && name is not "." and not "..";

    /// <summary>The key of <see cref="IGroupGrain"/>: <c>{apiId}/{stage}/{group}</c>.</summary>
    public static string Key(string apiId, string stage, string group) => $"{apiId}/{stage}/{group}";

    /// <summary>Whether the group keyed <paramref name="groupKey"/> is one of that API's stage.</summary>
    public static bool BelongsTo(string groupKey, string apiId, string stage) =>
        groupKey.Length > apiId.Length + stage.Length + 2
        && groupKey.StartsWith(apiId, StringComparison.Ordinal)
        && groupKey[apiId.Length] == '/'
        && string.CompareOrdinal(groupKey, apiId.Length + 1, stage, 0, stage.Length) == 0
        && groupKey[apiId.Length + 1 + stage.Length] == '/';
}
