using OrleansGateway.Edge.ControlPlane;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Edge.WebSockets;

/// <summary>
/// apigatewaymanagementapi's three operations, as its service model writes them. An ID this cluster
/// did not issue is answered 410 here, before any grain is called, so made-up IDs cost no activation.
/// </summary>
public static class ConnectionEndpoints
{
    private const string GoneMessage = "The connection with the provided id no longer exists.";

    public static void Map(WireRouter router, EdgeIdentity identity)
    {
        router.Map("POST", "/@connections/{connectionId}", async request =>
        {
            if (await ConnectionAsync(request, identity) is not { } connection)
            {
                return;
            }

            var stage = ManagementStage.Of(request.Context);

            if (!await connection.Post(stage.ApiId, stage.Stage, AdminRequestBody.Of(request.Context).ToArray()))
            {
                await GoneAsync(request.Context);
                return;
            }

            request.Context.Response.StatusCode = StatusCodes.Status200OK;
        });
        router.Map("GET", "/@connections/{connectionId}", async request =>
        {
            if (await ConnectionAsync(request, identity) is not { } connection)
            {
                return;
            }

            var stage = ManagementStage.Of(request.Context);

            if (await connection.Describe(stage.ApiId, stage.Stage) is not { } description)
            {
                await GoneAsync(request.Context);
                return;
            }

            await request.WriteAsync(StatusCodes.Status200OK, new GetConnectionResponse(
                description.ConnectedAt,
                new ConnectionIdentity(description.SourceIp ?? string.Empty, description.UserAgent ?? string.Empty),
                description.LastActiveAt));
        });
        router.Map("DELETE", "/@connections/{connectionId}", async request =>
        {
            if (await ConnectionAsync(request, identity) is not { } connection)
            {
                return;
            }

            var stage = ManagementStage.Of(request.Context);

            if (!await connection.Close(stage.ApiId, stage.Stage))
            {
                await GoneAsync(request.Context);
                return;
            }

            await request.WriteNoContentAsync();
        });
    }

    /// <summary>
    /// True when <paramref name="connectionId"/> is an ID this cluster issued; otherwise the request
    /// is answered (410, or 503 while this edge has not joined the cluster and cannot tell).
    /// </summary>
    public static async ValueTask<bool> CheckIdAsync(HttpContext context, EdgeIdentity identity, string connectionId)
    {
        if (identity.Registration is not { } edge)
        {
            await WireErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "ServiceUnavailableException", "Service Unavailable");
            return false;
        }

        if (!ConnectionIds.TryRead(connectionId, edge.ConnectionIdKey, out _))
        {
            await GoneAsync(context);
            return false;
        }

        return true;
    }

    public static Task GoneAsync(HttpContext context) =>
        WireErrors.WriteAsync(context, StatusCodes.Status410Gone, "GoneException", GoneMessage);

    private static async ValueTask<IConnectionGrain?> ConnectionAsync(WireRequest request, EdgeIdentity identity)
    {
        var connectionId = request["connectionId"];
        return await CheckIdAsync(request.Context, identity, connectionId) ? request.Grains.GetGrain<IConnectionGrain>(connectionId) : null;
    }

    private sealed record GetConnectionResponse(DateTimeOffset ConnectedAt, ConnectionIdentity Identity, DateTimeOffset LastActiveAt);

    private sealed record ConnectionIdentity(string SourceIp, string UserAgent);
}
