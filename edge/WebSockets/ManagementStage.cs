using Microsoft.AspNetCore.Http.Features;

namespace OrleansGateway.Edge.WebSockets;

/// <summary>The WebSocket API and stage whose base URL a management request came to.</summary>
public sealed record ManagementStage(string ApiId, string Stage)
{
    public static ManagementStage Of(HttpContext context) => context.Features.GetRequiredFeature<ManagementStage>();
}
