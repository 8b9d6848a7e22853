using OrleansGateway.RestApis;

namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>The body of every apigateway <c>Update*</c> operation.</summary>
public sealed record PatchBody
{
    public List<PatchOperation>? PatchOperations { get; init; }
}
