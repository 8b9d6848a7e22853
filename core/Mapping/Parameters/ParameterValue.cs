using OrleansGateway.Mapping.GatewayResponses;

namespace OrleansGateway.Mapping.Parameters;

/// <summary>
/// The value a mapping expression produced: one or more strings, nothing (the target is left
/// unset), or the gateway error the mapping ran into (a body that should be JSON but is not).
/// </summary>
public readonly record struct ParameterValue(IReadOnlyList<string>? Values, GatewayError? Error = null)
{
    public static readonly ParameterValue None = new(null);

    public static ParameterValue Of(string? value) => string.IsNullOrEmpty(value) ? None : new([value]);

    public static ParameterValue Failed(GatewayError error) => new(null, error);

    public bool HasValue => Values is { Count: > 0 };
}
