using OrleansGateway.Mapping.Parameters;

namespace OrleansGateway.WebSockets;

/// <summary>An integration call's answer, or that it timed out, or why it failed.</summary>
internal sealed record IntegrationCallResult(IntegrationResponseData? Response, bool TimedOut, string? Failure)
{
    public static IntegrationCallResult Failed(string failure) => new(null, false, failure);
}
