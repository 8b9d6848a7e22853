using System.Globalization;
using OrleansGateway.Edge.ControlPlane;
using OrleansGateway.Errors;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Edge.WebSockets;

/// <summary>
/// The groups API (beyond AWS), beside <c>@connections</c> under a stage's base URL: join, leave,
/// send to every member, list members. A group belongs to one stage (its grain is keyed
/// <c>{apiId}/{stage}/{group}</c>); joining and leaving are idempotent.
/// </summary>
public static class GroupEndpoints
{
    public static void Map(WireRouter router, EdgeIdentity identity)
    {
        router.Map("PUT", "/@groups/{group}/connections/{connectionId}", async request =>
        {
            var group = Group(request);
            var connectionId = request["connectionId"];
            if (!await ConnectionEndpoints.CheckIdAsync(request.Context, identity, connectionId))
            {
                return;
            }

            if (!await group.Join(connectionId))
            {
                await ConnectionEndpoints.GoneAsync(request.Context);
                return;
            }

            await request.WriteNoContentAsync();
        });
        router.Map("DELETE", "/@groups/{group}/connections/{connectionId}", async request =>
        {
            var group = Group(request);
            var connectionId = request["connectionId"];
            if (!await ConnectionEndpoints.CheckIdAsync(request.Context, identity, connectionId))
            {
                return;
            }

            // Not a member is no error: connections leave their groups when they disconnect, so a
            // backend's leave often comes after the fact. GET the group to know who is in it.
            await group.Leave(connectionId);
            await request.WriteNoContentAsync();
        });
        router.Map("POST", "/@groups/{group}", async request =>
        {
            var group = Group(request);
            var delivered = await group.Send(AdminRequestBody.Of(request.Context).ToArray());
            await request.WriteAsync(StatusCodes.Status200OK, new SendToGroupResponse(delivered));
        });
        router.Map("GET", "/@groups/{group}", async request =>
        {
            var group = Group(request);
            var query = request.Context.Request.Query;
            var maxResults = GroupPage.DefaultSize;
            if (query["maxResults"].ToString() is { Length: > 0 } text
                && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out maxResults) || maxResults is < 1 or > GroupPage.MaxSize))
            {
                throw ApiGatewayException.BadRequest($"maxResults must be a number from 1 to {GroupPage.MaxSize}");
            }

            var nextToken = query["nextToken"].ToString() is { Length: > 0 } token ? token : null;
            await request.WriteAsync(StatusCodes.Status200OK, await group.List(nextToken, maxResults));
        });
    }

    private static IGroupGrain Group(WireRequest request)
    {
        var name = request["group"];
        if (!GroupNames.IsValid(name))
        {
            throw ApiGatewayException.BadRequest($"Invalid group name '{name}': 1 to {GroupNames.MaxLength} characters of A-Z a-z 0-9 . _ -");
        }

        var stage = ManagementStage.Of(request.Context);
        return request.Grains.GetGrain<IGroupGrain>(GroupNames.Key(stage.ApiId, stage.Stage, name));
    }

    private sealed record SendToGroupResponse(int Delivered);
}
