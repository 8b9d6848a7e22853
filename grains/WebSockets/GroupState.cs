namespace OrleansGateway.WebSockets;

/// <summary>A group's members, by the edge holding each (the edge a connection ID names).</summary>
[GenerateSerializer, Alias("gw.GroupState")]
public sealed class GroupState
{
    [Id(0)] public Dictionary<int, HashSet<string>> Members { get; set; } = new();
}
