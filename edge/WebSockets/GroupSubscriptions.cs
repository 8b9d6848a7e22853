using Microsoft.Extensions.Options;
using Orleans.Streams;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Edge.WebSockets;

/// <summary>
/// With <see cref="GroupFanOut.Streams"/>: the groups this edge holds members of, each subscribed to
/// its group's stream from the first member's join to the last member's leave. A message is written to
/// the group's members here, and how many sockets took it goes back to the group (its send's answer).
/// With <see cref="GroupFanOut.Observers"/> it does nothing. Bounded by the memberships of open sockets.
/// </summary>
public sealed partial class GroupSubscriptions(
    IClusterClient cluster,
    SocketRegistry sockets,
    EdgeIdentity identity,
    IOptions<GroupOptions> options,
    ILogger<GroupSubscriptions> logger)
{
    private readonly Dictionary<string, GroupSubscription> _groups = new(StringComparer.Ordinal);

    public bool Enabled => options.Value.FanOut == GroupFanOut.Streams;

    /// <summary>Adds a member; the first one subscribes the edge before the join is answered, so a send right after it reaches the member.</summary>
    public async Task JoinedAsync(string groupKey, string connectionId)
    {
        if (!Enabled)
        {
            return;
        }

        var group = Group(groupKey);
        await group.Gate.WaitAsync();
        try
        {
            group.Members.Add(connectionId);
            group.Handle ??= await Stream(groupKey).SubscribeAsync((message, _) => DeliverAsync(groupKey, group, message));
        }
        finally
        {
            group.Gate.Release();
        }
    }

    /// <summary>Removes a member (again is harmless); the last one unsubscribes the edge.</summary>
    public async Task LeftAsync(string groupKey, string connectionId)
    {
        GroupSubscription? group;
        lock (_groups)
        {
            if (!Enabled || !_groups.TryGetValue(groupKey, out group))
            {
                return;
            }
        }

        await group.Gate.WaitAsync();
        try
        {
            if (group.Members.Remove(connectionId) && group.Members.Count == 0 && group.Handle is { } handle)
            {
                group.Handle = null;
                await handle.UnsubscribeAsync();
            }
        }
        catch (Exception e)
        {
            Log.UnsubscribeFailed(logger, groupKey, e.GetType().Name, e.Message);
        }
        finally
        {
            group.Gate.Release();
        }
    }

    private GroupSubscription Group(string groupKey)
    {
        lock (_groups)
        {
            if (!_groups.TryGetValue(groupKey, out var group))
            {
                _groups[groupKey] = group = new GroupSubscription();
            }

            return group;
        }
    }

    private IAsyncStream<GroupMessage> Stream(string groupKey) =>
        cluster.GetStreamProvider(GroupStreams.ProviderName).GetStream<GroupMessage>(StreamId.Create(GroupStreams.Namespace, groupKey));

    private async Task DeliverAsync(string groupKey, GroupSubscription group, GroupMessage message)
    {
        string[] members;
        await group.Gate.WaitAsync();
        try
        {
            members = [.. group.Members];
        }
        finally
        {
            group.Gate.Release();
        }

        var delivered = await sockets.SendToManyAsync(members, message.Payload);
        if (identity.Registration is { } edge)
        {
            await cluster.GetGrain<IGroupGrain>(groupKey).Delivered(message.SendId, edge.EdgeId, delivered);
        }
    }

    private sealed class GroupSubscription
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public HashSet<string> Members { get; } = new(StringComparer.Ordinal);

        public StreamSubscriptionHandle<GroupMessage>? Handle { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Group {Group}: unsubscribing from its stream failed ({ErrorType}: {Message})")]
        public static partial void UnsubscribeFailed(ILogger logger, string group, string errorType, string message);
    }
}
