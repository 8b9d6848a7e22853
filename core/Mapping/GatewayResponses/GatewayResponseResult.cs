namespace OrleansGateway.Mapping.GatewayResponses;

/// <summary>A gateway response ready to write: status, headers (Content-Type included) and body.</summary>
public sealed record GatewayResponseResult(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body);
