using System.Buffers;

namespace OrleansGateway.RestApis;

/// <summary>
/// AWS's rule for a REST stage name, <c>[A-Za-z0-9_-]{1,128}</c>: the control plane refuses any
/// other name, so the data plane answers a request naming one without looking it up.
/// </summary>
public static class RestStageName
{
    public const int MaxLength = 128;

    private static readonly SearchValues<char> Allowed = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    public static bool IsValid(ReadOnlySpan<char> name) =>
        name.Length is > 0 and <= MaxLength && !name.ContainsAnyExcept(Allowed);
}
