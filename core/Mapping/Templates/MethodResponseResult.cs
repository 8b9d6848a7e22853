using OrleansGateway.Mapping.GatewayResponses;

namespace OrleansGateway.Mapping.Templates;

/// <summary>
/// The method response an integration response maps to: status (after any
/// <c>$context.responseOverride.status</c>), headers, body; or the gateway error to answer instead.
/// </summary>
public sealed record MethodResponseResult(
    int StatusCode, IReadOnlyDictionary<string, string> Headers, string? Body, GatewayError? Error = null, string? LogMessage = null);
