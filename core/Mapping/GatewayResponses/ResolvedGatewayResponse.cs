using OrleansGateway.Mapping.Parameters;

namespace OrleansGateway.Mapping.GatewayResponses;

/// <summary>
/// The gateway response that applies to one error: status, parsed <c>gatewayresponse.header.*</c>
/// mappings and parsed templates.
/// </summary>
public sealed record ResolvedGatewayResponse(
    int? StatusCode,
    ResponseParameterMapper HeaderMappings,
    IReadOnlyDictionary<string, GatewayResponseTemplate> ResponseTemplates);
