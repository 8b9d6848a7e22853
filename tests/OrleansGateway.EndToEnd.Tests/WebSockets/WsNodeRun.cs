namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>Everything the <c>ws</c> client saw of one connection, in order; <see cref="ToString"/> is its output, for failure messages.</summary>
internal sealed record WsNodeRun(IReadOnlyList<WsNodeEvent> Events, string Output)
{
    public WsNodeEvent? Opened => Events.SingleOrDefault(e => e.Event == "open");

    public WsNodeEvent? Refused => Events.SingleOrDefault(e => e.Event == "unexpected-response");

    public WsNodeEvent? Closed => Events.SingleOrDefault(e => e.Event == "close");

    /// <summary>The text messages received, in order.</summary>
    public IReadOnlyList<string> Messages => [.. Events.Where(e => e.Event == "message").Select(e => e.Data!)];

    public IEnumerable<WsNodeEvent> Problems => Events.Where(e => e.Event is "error" or "timeout");

    public override string ToString() => Output;
}
