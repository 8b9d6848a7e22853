using OrleansGateway.Mapping.GatewayResponses;

namespace OrleansGateway.Edge.DataPlane.Rest;

/// <summary>What an HTTP integration call gave: the backend's answer, read whole, or the gateway error to send instead.</summary>
public sealed record RestIntegrationResult(RestResponse? Response, GatewayError? Error)
{
    public static RestIntegrationResult Failed(GatewayError error) => new(null, error);
}
