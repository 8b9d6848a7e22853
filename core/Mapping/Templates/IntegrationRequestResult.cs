using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.Mapping.Parameters;

namespace OrleansGateway.Mapping.Templates;

/// <summary>
/// The integration request a REST method request maps to: its body (rendered or passed through)
/// and parameters, or the gateway error to answer instead, with a line for the execution log.
/// </summary>
public sealed record IntegrationRequestResult(
    string? Body, IntegrationRequestParameters Parameters, GatewayError? Error = null, string? LogMessage = null);
