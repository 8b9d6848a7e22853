using OrleansGateway.Mapping.GatewayResponses;

namespace OrleansGateway.Mapping.Parameters;

/// <summary>
/// The integration request's headers, query string and path variables after
/// <c>requestParameters</c> mapping (and any <c>$context.requestOverride</c>), or the gateway
/// error the mapping ran into.
/// </summary>
public sealed record IntegrationRequestParameters
{
    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, IReadOnlyList<string>> QueryString { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Path { get; init; } = new(StringComparer.Ordinal);

    public GatewayError? Error { get; init; }
}
