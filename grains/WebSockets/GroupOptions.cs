using Microsoft.Extensions.Configuration;

namespace OrleansGateway.WebSockets;

/// <summary>Limits of <see cref="GroupGrain"/> (configuration section <c>Gateway:WebSockets:Groups</c>).</summary>
public sealed class GroupOptions
{
    public const string Section = "Gateway:WebSockets:Groups";

    /// <summary>Members one group may hold; a join past it is refused with <c>LimitExceededException</c> (429).</summary>
    public int MaxMembers { get; set; } = 100_000;

    /// <summary>Observer calls per edge, or a stream per group; silos and edges must agree.</summary>
    public GroupFanOut FanOut { get; set; } = GroupFanOut.Observers;

    /// <summary>With streams: how long a send waits for the edges' delivery reports; an edge silent that long reached nobody.</summary>
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Reads <see cref="FanOut"/> where options are not bound yet (host builders).</summary>
    public static GroupFanOut FanOutOf(IConfiguration configuration) =>
        configuration.GetSection(Section).GetValue<GroupFanOut?>(nameof(FanOut)) ?? GroupFanOut.Observers;
}
