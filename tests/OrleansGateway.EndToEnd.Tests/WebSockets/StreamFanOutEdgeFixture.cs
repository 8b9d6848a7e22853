namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>A <see cref="WebSocketEdgeFixture"/> whose edge fans group sends out over streams.</summary>
public sealed class StreamFanOutEdgeFixture : WebSocketEdgeFixture
{
    protected override IReadOnlyDictionary<string, string>? Environment { get; } = new Dictionary<string, string>
    {
        ["Gateway__WebSockets__Groups__FanOut"] = "Streams",
    };
}
