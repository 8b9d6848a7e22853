using OrleansGateway.Mapping.GatewayResponses;

namespace OrleansGateway.Mapping.Parameters;

/// <summary>The method response headers <c>responseParameters</c> produced, or the error it ran into.</summary>
public sealed record MethodResponseHeaders(Dictionary<string, string> Headers, GatewayError? Error = null);
