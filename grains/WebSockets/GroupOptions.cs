namespace OrleansGateway.WebSockets;

/// <summary>Limits of <see cref="GroupGrain"/> (configuration section <c>Gateway:WebSockets:Groups</c>).</summary>
public sealed class GroupOptions
{
    public const string Section = "Gateway:WebSockets:Groups";

    /// <summary>Members one group may hold; a join past it is refused with <c>LimitExceededException</c> (429).</summary>
    public int MaxMembers { get; set; } = 100_000;
}
